import { useI18n, type Language } from '../i18n/i18n';
import { humanize } from '../practitioner/schema';
import type { WorkflowInfo } from './types';

/** A name shown to people, with the language it is written in (which may not be the page's). */
export interface Label {
  readonly text: string;
  readonly lang: Language;
}

/**
 * How the console names a workflow's states, commands, events, fields and values: from what
 * GET /workflows answers. The workflows do not label these yet, so their technical names are
 * shown humanised ("underReview" → "Under review"), which is English: on a French page they are
 * marked `lang="en"` rather than passed off as French.
 */
export function technical(name: string): Label {
  return { text: humanize(name.split('.').pop()!), lang: 'en' };
}

/** The workflow's title, in the language GET /workflows answered in (its Content-Language; English when it names none). */
export function workflowTitle(workflow: WorkflowInfo | undefined, name: string, answeredIn: Language): Label {
  return workflow ? { text: workflow.title, lang: answeredIn } : technical(name);
}

/** Text in another language than the page's carries its own `lang`, so screen readers pronounce it rightly. */
export function L({ label }: { label: Label }) {
  const { language } = useI18n();
  return label.lang === language ? <>{label.text}</> : <span lang={label.lang}>{label.text}</span>;
}

const MARKS = ['\ue000', '\ue001', '\ue002'];

/**
 * A sentence of the page's own (from the catalogue) with names in it that may be in another
 * language: each name keeps its `lang`. The sentence is built with markers in the names' places,
 * so each language orders its words as it needs.
 */
export function Fill({ sentence, labels }: { sentence: (...names: string[]) => string; labels: readonly Label[] }) {
  const text = sentence(...labels.map((_, i) => MARKS[i]!));
  return (
    <>
      {text.split(/([\ue000-\ue002])/).map((piece, i) => {
        const at = MARKS.indexOf(piece);
        return at >= 0 ? <L key={i} label={labels[at]!} /> : piece;
      })}
    </>
  );
}
