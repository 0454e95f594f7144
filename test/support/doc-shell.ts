import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A fenced block of a Markdown page: its language (`sh`, `json`…) and its text. */
export interface FencedBlock {
  readonly lang: string;
  readonly code: string;
}

export function fencedBlocks(markdown: string): FencedBlock[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}

/** The variables a `VAR=value … npm start` line sets for the server, or undefined if the block starts no server. */
export function serverStart(block: FencedBlock): Record<string, string> | undefined {
  const line = block.code.split('\n').find((l) => /\bnpm start\b/.test(l));
  if (!line) return undefined;
  const before = line.slice(0, line.indexOf('npm start'));
  return Object.fromEntries([...before.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

/**
 * Runs shell blocks of a page in one bash session, in order, as a reader pastes them into one
 * terminal in `cwd`, and returns what each printed on stdout. `npx mend` runs the sources (a test
 * has no build); the page's `http://localhost:3000` is the test server's address (tests listen on
 * port 0). Stops at the first failing command (`set -e`).
 */
export function runShellBlocks(blocks: readonly string[], options: { cwd: string; baseUrl: string; env?: Record<string, string> }): Promise<{ code: number | null; outputs: string[]; stderr: string }> {
  const marker = (i: number) => `@@mend-doc-block-${i}@@`;
  const script = [
    'set -euo pipefail',
    `npx() { if [ "$1" = mend ]; then shift; node -r ${JSON.stringify(join(ROOT, 'test/support/register.js'))} ${JSON.stringify(join(ROOT, 'src/cli/main.ts'))} "$@"; else command npx "$@"; fi; }`,
    ...blocks.flatMap((block, i) => [block.replaceAll('http://localhost:3000', options.baseUrl), `printf '\\n${marker(i)}\\n'`]),
  ].join('\n');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEND_') && name !== 'PORT'));
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: options.cwd, env: { ...inherited, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs: string[] = [];
      let rest = stdout;
      for (let i = 0; i < blocks.length; i++) {
        const at = rest.indexOf(`\n${marker(i)}\n`);
        if (at < 0) break;
        outputs.push(rest.slice(0, at));
        rest = rest.slice(at + marker(i).length + 2);
      }
      resolve({ code, outputs, stderr });
    });
  });
}

/** The parts of `actual` that `expected` shows (its keys, recursively; arrays item by item): a page abbreviates responses. */
export function shownPart(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected)) return Array.isArray(actual) ? actual.map((item, i) => shownPart(item, expected[i])) : actual;
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return actual;
    return Object.fromEntries(Object.keys(expected).map((key) => [key, shownPart((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key])]));
  }
  return actual;
}
