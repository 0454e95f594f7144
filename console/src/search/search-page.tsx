import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../shared/api';
import { CaseTable } from '../shared/case-table';
import { useConsole } from '../shared/context';
import { ROLE_PAGES } from '../shared/roles';
import { Status } from '../shared/status';
import type { SearchResult, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';

/**
 * Finds cases by reference, or by the words of a name, pseudonym, claim reference or FPS number for
 * roles that see personal information (auditors, who see it redacted, by reference only: the page
 * asks them for nothing else). The API answers only with cases the person may read; the words never
 * leave for anything but it.
 */
export function SearchPage() {
  const { api, session, workflows } = useConsole();
  const { t } = useI18n();
  const { audits } = ROLE_PAGES[session.role];
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  const [loaded] = useLoad<[SearchResult, readonly WorkflowInfo[]] | undefined>(
    () => (asked ? Promise.all([api.get<SearchResult>(`/search?q=${encodeURIComponent(asked)}`), workflows]) : Promise.resolve(undefined)),
    asked,
  );
  // How many times nothing was typed: each time the field takes the focus, described by what it needs.
  const [empties, setEmpties] = useState(0);
  const empty = empties > 0 && !asked;
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (empties > 0) field.current?.focus();
  }, [empties]);
  // What the API said of what was typed (the one field of the page: its other parameters are the console's) goes beside the field.
  const refused = asked && loaded.status === 'failed' && loaded.error instanceof ApiError ? loaded.error.issues.map((issue) => issue.message) : [];
  const wrong = empty ? [audits ? t.searchEmptyReference : t.searchEmpty] : refused;
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t.searchTitle}</h2>
      <form
        role="search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Said in the page, in its language, rather than by the browser's own bubble, in its.
          if (!text.trim()) setEmpties((n) => n + 1);
          setAsked(text.trim());
        }}
      >
        <div class={`field${wrong.length ? ' invalid' : ''}`}>
          <label for="search-q">{audits ? t.searchLabelReference : t.searchLabel}</label>
          <span id="search-hint" class="hint">
            {audits ? t.searchHintReference : t.searchHint}
          </span>
          <input
            id="search-q"
            type="search"
            name="q"
            ref={field}
            aria-required="true"
            maxLength={200}
            autoComplete="off"
            spellcheck={false}
            value={text}
            aria-invalid={wrong.length ? true : undefined}
            aria-describedby={wrong.length ? 'search-hint search-q-error' : 'search-hint'}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {wrong.length ? (
            <span id="search-q-error" class="field-error">
              {wrong.map((message, i) => (
                <span key={i} class="error-line">
                  {message}
                </span>
              ))}
            </span>
          ) : null}
        </div>
        <button type="submit">{t.searchButton}</button>
      </form>
      <div aria-live="polite">
        {refused.length ? (
          <p role="alert" class="error">
            {t.searchFix}
          </p>
        ) : asked ? (
          <Status loaded={loaded}>
            {(value) => (value ? <CaseTable items={value[0].items} staff={value[0].staff} workflows={value[1]} caption={t.searchResults(value[0].total)} audit={audits} /> : null)}
          </Status>
        ) : null}
      </div>
    </section>
  );
}
