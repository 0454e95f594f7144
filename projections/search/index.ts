import type { AnyWorkflowDefinition } from '../../domain/workflow';
import type { ProjectionDefinition } from '../projection';

/**
 * The search index: which cases a word of a searchable field (a name or pseudonym, a claim
 * reference, an FPS number) appears in — as a keyed hash of the word, never the word. Each row
 * names the data subject the word belongs to, so erasing the subject deletes their rows; a rebuild
 * after the erasure finds their fields `[erased]` and indexes nothing.
 */
export const searchProjection: ProjectionDefinition = {
  name: 'search',
  version: 1,
  description: 'Keyed hashes of the words of searchable personal fields, by case and subject',
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
          PRIMARY KEY (term, case_id, subject)
        ) WITHOUT ROWID`,
        `CREATE INDEX ${t}_by_subject ON ${t} (subject)`,
      ],
    },
  ],
};

/** What an opened field reads when it cannot be read: never a word of anyone's name. */
const UNREADABLE_MARKERS = new Set(['[erased]', '[redacted]', '[unreadable]']);

/**
 * The words of a text as search compares them: accents folded, lower case, split on anything that
 * is not a letter or a digit ("Émilie Côté-Roy" → emilie, cote, roy; "FPS 123456A" → fps, 123456a).
 */
export function searchWords(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0))];
}

function get(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** The words an event's searchable fields hold, each with the subject it belongs to. */
export function searchableWords(definition: AnyWorkflowDefinition, type: string, data: unknown): { subject: string; word: string }[] {
  const event = definition.events.find((e) => e.type === type);
  if (!event?.search?.length) return [];
  const found: { subject: string; word: string }[] = [];
  for (const group of event.personalData ?? []) {
    const subject = get(data, group.subject);
    if (typeof subject !== 'string') continue;
    for (const field of group.fields.filter((f) => event.search!.includes(f))) {
      const value = get(data, field);
      if (typeof value !== 'string' || UNREADABLE_MARKERS.has(value)) continue;
      for (const word of searchWords(value)) found.push({ subject, word });
    }
  }
  return found;
}
