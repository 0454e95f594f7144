import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { CaseView } from '../../domain/case-view';
import { EVENTS_FILE } from '../../src/event-store/event-store.factory';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import type { HttpClient, RunningApp } from '../support/app';

const ROOT = join(__dirname, '..', '..');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One step of a driven case: the moment it happened and the view the command answered. */
export interface Step {
  readonly at: string;
  readonly view: CaseView;
}

export const COMPLAINT_TEXT = 'She said "call me back, please", and nobody did;\nthen the meeting was cancelled again.';

/**
 * Drives a complaint through a known history on the app's manual clock, a business day or an
 * hour between commands: received, acknowledged, assigned, clock paused and resumed, responded.
 */
export async function driveComplaint(running: RunningApp): Promise<{ caseId: string; steps: Step[] }> {
  const supervisor = await running.as('supervisor', 'supervisor-1');
  const handler = await running.as('practitioner', 'practitioner-1');
  const steps: Step[] = [];
  const run = async (http: HttpClient, path: string, body: unknown, advance: number) => {
    running.clock.advance(advance);
    const response = await http.post<CaseView>(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    steps.push({ at: running.clock.now().toISOString(), view: response.body });
    return response.body;
  };
  const opened = await run(
    supervisor,
    '/cases',
    {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: {
        channel: 'electronic',
        receivedAt: running.clock.now().toISOString(),
        region: 'ON',
        complainant: { name: 'Robin, "R." Tremblay', contact: 'robin@example.org' },
        text: COMPLAINT_TEXT,
      },
    },
    0,
  );
  const commands = (name: string) => `/cases/${opened.caseId}/commands/${name}`;
  await run(supervisor, commands('AcknowledgeComplaint'), { method: 'email' }, HOUR);
  await run(supervisor, commands('AssignHandler'), { handlerId: 'practitioner-1' }, DAY);
  await run(handler, commands('PauseClock'), { clock: 'response-1', reason: 'Awaiting the dates the complainant is free' }, DAY);
  await run(handler, commands('ResumeClock'), { clock: 'response-1' }, DAY);
  await run(
    handler,
    commands('Respond'),
    {
      response: 'We apologise. Your practitioner will call you this week.',
      nextLevel: { name: 'Alex Tremblay', contact: 'alex.tremblay@example.gc.ca' },
    },
    DAY,
  );
  return { caseId: opened.caseId, steps };
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mend <args>` from the TypeScript sources in a child process against a data directory. */
export function runCli(args: readonly string[], dataDir: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './test/support/register.js', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The real SQLite store of a data directory, opened directly (the app must be closed). */
export function openStore(dataDir: string): SqliteEventStore {
  return new SqliteEventStore({ filename: join(dataDir, EVENTS_FILE) });
}

export const eventsFile = (dataDir: string) => join(dataDir, EVENTS_FILE);

/** GET with the client's token, the body as text (the exports are not JSON documents). */
export async function fetchText(running: RunningApp, http: HttpClient, path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${running.baseUrl}${path}`, { headers: { authorization: `Bearer ${http.token}` } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** RFC 4180: fields separated by commas, records ended by CRLF; a quoted field may hold commas, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        field += c;
        i += 1;
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else {
        quoted = false;
        i += 1;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`a bare line break in an unquoted field at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}
