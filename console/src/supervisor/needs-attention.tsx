import { ATTENTION_KEYWORD } from '../../../domain/json-schema-keywords';
import { useI18n } from '../i18n/i18n';
import { useConsole } from '../shared/context';
import { CaseLink } from '../shared/case-link';
import { fieldLabel, L, workflowTitle } from '../shared/labels';
import { MorePages } from '../shared/more-pages';
import { Status } from '../shared/status';
import type { CasePage, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';

const FLAGGED = '/cases?attention=true&status=open&limit=100';

/** The facts of a case's details its workflow marks as calling for attention, that are true of it now. */
function raised(details: Readonly<Record<string, unknown>>, workflow: WorkflowInfo | undefined): string[] {
  return Object.entries(workflow?.details.properties ?? {})
    .filter(([field, schema]) => schema[ATTENTION_KEYWORD] === true && details[field] === true)
    .map(([field]) => field);
}

/**
 * The open cases a fact of their details flags to the supervisor (a cohort left with fewer
 * representatives than its minimum: not closed for it), each by its reference, its kind and what
 * flags it. Which facts flag a case is each workflow's to say (`x-mend-attention`): none is named here.
 */
export function NeedsAttention({ version, workflows }: { version: number; workflows: readonly WorkflowInfo[] }) {
  const { api } = useConsole();
  const { t, number } = useI18n();
  const [loaded] = useLoad(() => api.get<CasePage>(FLAGGED), 'flagged', version);
  return (
    <section aria-labelledby="attention-title">
      <h3 id="attention-title">{t.attentionTitle}</h3>
      <Status loaded={loaded}>
        {(first) => (
          <MorePages first={first} path={FLAGGED} of="attention-title" keep>
            {(pages, more) => {
              const items = pages.flatMap((page) => page.items);
              if (items.length === 0) return <p>{t.noAttention}</p>;
              return (
                <>
                  <ul class="attention" data-testid="needs-attention">
                    {items.map((item) => {
                      const workflow = workflows.find((w) => w.name === item.workflow && w.version === item.workflowVersion);
                      return (
                        <li key={item.caseId}>
                          <CaseLink item={item} workflow={workflow} /> <L label={workflowTitle(workflow, item.workflow)} />
                          {t.colon}
                          {raised(item.details, workflow).map((field, i) => (
                            <span key={field}>
                              {i > 0 ? ', ' : null}
                              <L label={fieldLabel(workflow, field)} />
                            </span>
                          ))}
                        </li>
                      );
                    })}
                  </ul>
                  {more ? <p class="hint">{t.casesShown(number(items.length), number(first.total ?? items.length))}</p> : null}
                </>
              );
            }}
          </MorePages>
        )}
      </Status>
    </section>
  );
}
