import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { CaseTable } from '../shared/case-table';
import { useConsole } from '../shared/context';
import { Status } from '../shared/status';
import type { SearchResult, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';

/**
 * Finds cases by reference, or by the words of a name, pseudonym, claim reference or FPS number.
 * The API answers only with cases the person may read; the words never leave for anything but it.
 */
export function SearchPage() {
  const { api, session, workflows } = useConsole();
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  const [loaded] = useLoad<[SearchResult, readonly WorkflowInfo[]] | undefined>(
    () => (asked ? Promise.all([api.get<SearchResult>(`/search?q=${encodeURIComponent(asked)}`), workflows]) : Promise.resolve(undefined)),
    asked,
  );
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t.searchTitle}</h2>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(text.trim());
        }}
      >
        <div class="field">
          <label for="search-q">{t.searchLabel}</label>
          <span id="search-hint" class="hint">
            {t.searchHint}
          </span>
          <input id="search-q" type="search" name="q" required maxLength={200} autoComplete="off" spellcheck={false} value={text} aria-describedby="search-hint" onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit">{t.searchButton}</button>
      </form>
      <div aria-live="polite">
        {asked ? (
          <Status loaded={loaded}>
            {(value) =>
              value ? <CaseTable items={value[0].items} workflows={value[1]} caption={t.searchResults(value[0].total)} audit={session.role === 'auditor'} /> : null
            }
          </Status>
        ) : null}
      </div>
    </section>
  );
}
