import { declaredClock, fillClockLabel } from '../../../domain/clocks/declarations';
import { useI18n, type Language } from '../i18n/i18n';
import { humanize } from '../practitioner/schema';
import type { WorkflowInfo } from './types';

/** A name shown to people, with the language it is written in (which may not be the page's). */
export interface Label {
  readonly text: string;
  readonly lang: Language;
}

/**
 * How the console names a workflow and its states, commands, fields and enum values: with the
 * labels GET /workflows gives in the language asked for, marked with the language they came in.
 * What has no label (events; a field or value a workflow has not labelled yet) is shown by its
 * technical name humanised ("nextLevel" → "Next level"), which is English, so a French page marks
 * it `lang="en"` instead of passing it off as French.
 */
export function technical(name: string): Label {
  return { text: humanize(name.split('.').pop()!), lang: 'en' };
}

export function workflowTitle(workflow: WorkflowInfo | undefined, name: string): Label {
  return workflow ? { text: workflow.title, lang: workflow.language ?? 'en' } : technical(name);
}

export function stateLabel(workflow: WorkflowInfo | undefined, state: string): Label {
  const text = workflow?.stateLabels?.[state];
  return text !== undefined && text !== state ? { text, lang: workflow?.language ?? 'en' } : technical(state);
}

export function commandLabel(workflow: WorkflowInfo | undefined, command: string): Label {
  const text = workflow?.commands.find((c) => c.name === command)?.label;
  return text !== undefined && text !== command ? { text, lang: workflow?.language ?? 'en' } : technical(command);
}

/**
 * A clock's name from the clocks its workflow declares (GET /workflows, any of the versions given),
 * else the English name recorded when it started.
 */
export function clockLabel(workflows: readonly (WorkflowInfo | undefined)[], key: string, recorded: string): Label {
  for (const workflow of workflows) {
    const found = workflow && declaredClock(workflow.clocks ?? [], key);
    if (found) return { text: fillClockLabel(found.declaration.label, found.params), lang: workflow.language ?? 'en' };
  }
  return { text: recorded, lang: 'en' };
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

/** `topics.0` and `topics` name the same field: list positions are not part of a field's name. */
const fieldKey = (path: string) =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');

/** A field of a command's or an event's data, by its dotted path within `data` (`complainant.name`). */
export function fieldLabel(workflow: WorkflowInfo | undefined, path: string): Label {
  const key = fieldKey(path);
  const text = workflow?.fieldLabels?.[key];
  return text !== undefined ? { text, lang: workflow?.language ?? 'en' } : technical(key || path);
}

/**
 * A field with the groups it is in, outermost first (`nextLevel.contact`: "Next level of review",
 * "Contact information"): how a list of problems names a field away from the form, where several
 * groups may each have a field of the same name.
 */
export function fieldTrail(workflow: WorkflowInfo | undefined, path: string): Label[] {
  const parts = fieldKey(path).split('.');
  const groups = parts.slice(0, -1).flatMap((_, i) => {
    const text = workflow?.fieldLabels?.[parts.slice(0, i + 1).join('.')];
    return text !== undefined ? [{ text, lang: workflow?.language ?? 'en' }] : [];
  });
  return [...groups, fieldLabel(workflow, path)];
}

/** An event its cases record (`GoalsSet`, `ClockMet`): the workflow's name for it, else its technical name. */
export function eventLabel(workflow: WorkflowInfo | undefined, type: string): Label {
  const text = workflow?.eventLabels?.[type];
  return text !== undefined ? { text, lang: workflow?.language ?? 'en' } : technical(type);
}

/** An enum value (`electronic`, `faceToFace`): the workflow's name for it, else its technical name. */
export function valueLabel(workflow: WorkflowInfo | undefined, value: string): Label {
  const text = workflow?.valueLabels?.[value];
  return text !== undefined ? { text, lang: workflow?.language ?? 'en' } : technical(value);
}

/**
 * A record's fields as a reader of `language` is shown them. A field `<name>Fr` is the French of
 * `<name>` (a level title from configuration, recorded in both languages): French readers see it in
 * `<name>`'s place, and no one sees it as a field of its own.
 */
export function inReadersLanguage(data: Readonly<Record<string, unknown>>, language: string): [string, unknown][] {
  return Object.entries(data)
    .filter(([key]) => !(key.endsWith('Fr') && key.slice(0, -2) in data))
    .map(([key, value]) => {
      const french = data[`${key}Fr`];
      return [key, language === 'fr' && typeof french === 'string' ? french : value];
    });
}

/** What staff call a case: its reference (CMP-2026-00042), or the start of its id while it has none yet. */
export function caseName(item: { readonly caseId: string; readonly reference: string | null }): string {
  return item.reference ?? item.caseId.slice(0, 8);
}
