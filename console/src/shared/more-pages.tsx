import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { errorText } from './api';
import { useConsole } from './context';

/** A page of a list the API reads by cursor. */
export interface Paged {
  readonly items: readonly unknown[];
  readonly nextCursor?: string;
}

/** What a list shows its rows as: a table's body rows, or a list's items. */
const ROWS = 'tbody tr, li';

/**
 * A list read a page at a time: `first` as it was loaded, then, each time the reader asks, the page
 * the last one's cursor names, added below. A new first page (another query, or the same one asked
 * again after a change) starts again from it. The focus goes to the first row added, so that whoever
 * reads by keyboard or screen reader goes on where the list grew, not from the top of the page.
 * With `keep`, a new first page of the same list (read again after a live alert) reads again as many
 * pages as were shown, the rows shown meanwhile, so that the reader keeps their place and their focus.
 */
export function MorePages<P extends Paged>(props: {
  readonly first: P;
  /** The first page's address; the cursor is added to it. */
  readonly path: string;
  /** The button's words, given the pages shown ("Show more" if none). */
  readonly more?: (pages: readonly P[]) => string;
  /** The id of the list's heading, which describes the button: a page may hold several lists. */
  readonly of?: string;
  /** The cursor of the page after this one, where the API names it otherwise than `nextCursor`. */
  readonly cursorOf?: (page: P) => string | undefined;
  /** A new first page of the same `path` is the same list, newer: the pages read after it are read again. */
  readonly keep?: boolean;
  readonly children: (pages: readonly P[], more: boolean) => ComponentChildren;
}) {
  const { api } = useConsole();
  const { t } = useI18n();
  const [read, setRead] = useState<{ first: P; path: string; pages: readonly P[]; failed?: string }>({ first: props.first, path: props.path, pages: [] });
  // Read again, the same list keeps what was shown until as many pages have come: see the effect below.
  const again = props.keep === true && read.first !== props.first && read.path === props.path && read.pages.length > 0;
  const extra = read.first === props.first || again ? read : { first: props.first, path: props.path, pages: [] };
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const cursorOf = (page: P) => (props.cursorOf ? props.cursorOf(page) : page.nextCursor);
  const pageAfter = (cursor: string) => api.get<P>(`${props.path}${props.path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`);
  useEffect(() => {
    if (!again) return;
    let current = true;
    void (async () => {
      const pages: P[] = [];
      let failed: string | undefined;
      try {
        for (let cursor = cursorOf(props.first); cursor !== undefined && pages.length < read.pages.length; cursor = cursorOf(pages[pages.length - 1]!)) {
          pages.push(await pageAfter(cursor));
        }
      } catch (error) {
        failed = errorText(error);
      }
      if (!current) return;
      setRead({ first: props.first, path: props.path, pages, ...(failed === undefined ? {} : { failed }) });
    })();
    return () => {
      current = false;
    };
  }, [again, props.first]);
  // The element focused in the list as it is drawn again: a row moved meanwhile loses the focus, which goes back to it.
  const focused = useRef<Element>();
  const active = typeof document === 'undefined' ? null : document.activeElement;
  focused.current = props.keep && active && box.current?.contains(active) ? active : undefined;
  useEffect(() => {
    const element = focused.current;
    if (element instanceof HTMLElement && element.isConnected && (document.activeElement === null || document.activeElement === document.body)) element.focus();
  });
  // How many rows were shown before the last page came: the first of the new ones takes the focus.
  const before = useRef<number>();
  useEffect(() => {
    const index = before.current;
    before.current = undefined;
    const row = index === undefined ? undefined : box.current?.querySelectorAll<HTMLElement>(ROWS)[index];
    if (!row) return;
    row.tabIndex = -1;
    row.focus();
  }, [extra.pages.length]);

  const pages = [extra.first, ...extra.pages];
  const last = pages[pages.length - 1];
  const next = last && cursorOf(last);
  const showMore = async (cursor: string) => {
    // The pages shown are being read again: the next one follows from them once they have come.
    if (again) return;
    setBusy(true);
    try {
      const page = await pageAfter(cursor);
      before.current = box.current?.querySelectorAll(ROWS).length;
      setRead({ first: props.first, path: props.path, pages: [...extra.pages, page] });
    } catch (error) {
      setRead({ ...extra, failed: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={box}>
      {props.children(pages, next !== undefined)}
      {extra.failed ? (
        <p role="alert" class="error">
          {extra.failed}
        </p>
      ) : null}
      {next ? (
        <p>
          <button type="button" class="secondary" aria-describedby={props.of} disabled={busy} onClick={() => void showMore(next)}>
            {props.more ? props.more(pages) : t.showMore}
          </button>
        </p>
      ) : null}
    </div>
  );
}
