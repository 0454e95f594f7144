import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { ApiError, errorText, type Api } from '../shared/api';
import { L, technical, type Label } from '../shared/labels';
import type { CaseView, WorkflowCommand } from '../shared/types';
import { initialValue, prune } from './schema';
import { fieldId, SchemaField, type FieldErrors } from './schema-field';

interface Props {
  readonly api: Api;
  readonly caseView: CaseView;
  readonly command: WorkflowCommand;
  /** The command's label, from its workflow. */
  readonly label: Label;
  readonly onDone: (view: CaseView) => void;
}

/** The API names fields from the request body (`data.nextLevel.name`); the form names them from the data. */
const fieldPath = (path: string) => path.replace(/^data\.?/, '').replace(/\[(\d+)\]/g, '.$1');

/** One allowed next step: a form generated from the command's JSON Schema, sent with If-Match. */
export function CommandForm({ api, caseView, command, label, onDone }: Props) {
  const { t } = useI18n();
  const [value, setValue] = useState<unknown>(() => initialValue(command.schema));
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  // A refusal takes the focus to its summary, so keyboard and screen reader users land on what to fix.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  const idPrefix = `cmd-${command.name}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    setFailure(undefined);
    try {
      const view = await api.post<CaseView>(
        `/cases/${encodeURIComponent(caseView.caseId)}/commands/${encodeURIComponent(command.name)}`,
        prune(value) ?? {},
        { 'if-match': `"${caseView.revision}"` },
      );
      setErrors(new Map());
      onDone(view);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      setErrors(new Map(issues.map((issue) => [fieldPath(issue.path), issue.message])));
      setFailure(errorText(error));
      // The same refusal again does not change `failure`: the summary already shown takes the focus here.
      summary.current?.focus();
    } finally {
      setSending(false);
    }
  };

  const titleId = `${idPrefix}-title`;
  return (
    <form class="command" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId}>
        <L label={label} />
      </h3>
      {/* The command's description is written in its workflow's definition, in English for now. */}
      {command.description ? (
        <p class="hint" lang="en">
          {command.description}
        </p>
      ) : null}
      {failure ? (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{failure}</p>
          {errors.size > 0 ? (
            <ul>
              {[...errors].map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fieldId(idPrefix, path)}`} onClick={(e) => focusField(e, fieldId(idPrefix, path))}>
                    {path ? <L label={technical(path)} /> : t.formWhole}
                    {t.colon}
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <SchemaField schema={command.schema} name={command.name} path="" idPrefix={idPrefix} required value={value} onChange={setValue} errors={errors} />
      <button type="submit" disabled={sending}>
        {sending ? t.sending : <L label={label} />}
      </button>
    </form>
  );
}

/** The summary's links move focus to the field without touching the route in the address bar. */
function focusField(event: Event, id: string): void {
  event.preventDefault();
  document.getElementById(id)?.focus();
}
