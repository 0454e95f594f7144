import type { HistoryItem } from './audit.schemas';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** The columns DESIGN.md's auditors asked for, then the event id and hash that tie a row to /audit/verify. */
export const CSV_COLUMNS = [
  'position',
  'streamId',
  'caseId',
  'revision',
  'type',
  'occurredAt',
  'recordedAt',
  'actorId',
  'actorRole',
  'data',
  'eventId',
  'hash',
] as const;

/** History items as NDJSON (one item per line) or CSV (RFC 4180: a header row, CRLF line ends, quoted where needed). */
export async function* encodeExport(items: AsyncIterable<HistoryItem>, format: ExportFormat): AsyncGenerator<string> {
  if (format === 'csv') yield csvRow(CSV_COLUMNS);
  for await (const item of items) yield format === 'csv' ? csvRow(csvValues(item)) : `${JSON.stringify(item)}\n`;
}

function csvValues(item: HistoryItem): string[] {
  return [
    String(item.position),
    item.streamId,
    item.caseId,
    String(item.revision),
    item.type,
    item.occurredAt,
    item.recordedAt,
    item.actor.id,
    item.actor.role,
    JSON.stringify(item.data),
    item.eventId,
    item.hash,
  ];
}

function csvRow(fields: readonly string[]): string {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',')}\r\n`;
}

