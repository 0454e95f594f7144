import type { AnyWorkflowDefinition } from '../../domain/workflow';
import type { ProjectionDefinition } from '../projection';

/**
 * The search index: which cases a word of a searchable field (a name or pseudonym, a claim
 * reference, an FPS number) appears in — as a keyed hash of the word, never the word. Each row
 * names the data subject the word belongs to and the field of their record it came from: erasing
 * the subject deletes their rows (a rebuild after the erasure finds their fields `[erased]` and
 * indexes nothing), and correcting a field replaces its words in that case.
 */
export const searchProjection: ProjectionDefinition = {
  name: 'search',
  // 3: the names of support coordination clients, cohort representatives and information sessions' requesters and attendees.
  // 4: the ligatures œ and æ fold to oe and ae (« Lœuvre » is found by "loeuvre").
  version: 4,
  description: 'Keyed hashes of the words of searchable personal fields, by case, subject and field',
  categories: ['erasure'],
  revealsPersonalData: true,
  // Only the searchable fields are decrypted: the others it never reads.
  revealedFields: (workflow, type) => workflow.events.find((e) => e.type === type)?.search ?? [],
  tables: [
    {
      name: 'search_terms',
      create: (t) => [
        `CREATE TABLE ${t} (
          term TEXT NOT NULL,
          case_id TEXT NOT NULL,
          subject TEXT NOT NULL,
          field TEXT NOT NULL,
          PRIMARY KEY (term, case_id, subject, field)
        ) WITHOUT ROWID`,
        `CREATE INDEX ${t}_by_subject ON ${t} (subject, case_id, field)`,
      ],
    },
  ],
};

/** What an opened field reads when it cannot be read: never a word of anyone's name. */
const UNREADABLE_MARKERS = new Set(['[erased]', '[redacted]', '[unreadable]']);

/** Letters that Unicode does not decompose but French and Nordic names are typed without. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The words of a text as search compares them: accents folded, ligatures spelled out, lower case,
 * split on anything that is not a letter or a digit ("Émilie Côté-Roy" → emilie, cote, roy;
 * "Lœuvre" → loeuvre; "FPS 123456A" → fps, 123456a).
 */
export function searchWords(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđðþı]/g, (letter) => LIGATURES[letter] ?? letter);
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0))];
}

function get(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** The words of one searchable field of a person's record, as an event states it. */
export interface SearchableField {
  readonly subject: string;
  /** The field within the person's record (`name`, `fpsNumber`), wherever the event holds it. */
  readonly field: string;
  readonly words: readonly string[];
  /** A correction: the words replace those the case held for this field of this person (none: removed). */
  readonly replaces: boolean;
}

/** The path of a field within its person's record: `victim.name` of `victim.subjectId` is `name`; `changes.name` of a correction, `name`. */
function withinRecord(group: { readonly subject: string; readonly corrects?: string }, field: string): string {
  const holder = group.corrects ?? group.subject.slice(0, Math.max(0, group.subject.lastIndexOf('.')));
  return holder !== '' && field.startsWith(`${holder}.`) ? field.slice(holder.length + 1) : field;
}

/**
 * The searchable fields an event states, each with its subject and words. A correction states only
 * the fields it changes, a removed one (`null`) with no words; a field that cannot be read
 * (`[erased]`) has no words to find.
 */
export function searchableFields(definition: AnyWorkflowDefinition, type: string, data: unknown): SearchableField[] {
  const event = definition.events.find((e) => e.type === type);
  if (!event?.search?.length) return [];
  const found: SearchableField[] = [];
  for (const group of event.personalData ?? []) {
    const subject = get(data, group.subject);
    if (typeof subject !== 'string') continue;
    const replaces = group.corrects !== undefined;
    for (const path of group.fields.filter((f) => event.search!.includes(f))) {
      const value = get(data, path);
      const readable = typeof value === 'string' && !UNREADABLE_MARKERS.has(value);
      // A correction that leaves a field alone does not name it; one that removes it sends null.
      if (!readable && !(replaces && value !== undefined)) continue;
      found.push({ subject, field: withinRecord(group, path), words: readable ? searchWords(value) : [], replaces });
    }
  }
  return found;
}
