import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The dependency rule (DESIGN.md §1): domain/, workflows/ and projections/ are the pure core. They
 * import only zod, xstate, date-holidays, moment-timezone (for the time zone database) and each
 * other — never a framework, a database, the file system, the clock or a random source: time and
 * ids arrive as arguments.
 */
const root = resolve(__dirname, '..', '..');
const CORE = ['domain', 'workflows', 'projections'];
const ALLOWED_PACKAGES = new Set(['zod', 'xstate', 'date-holidays', 'moment-timezone']);
const FORBIDDEN_CALLS: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\brandomUUID\s*\(/, 'randomUUID()'],
  [/\bprocess\.(env|hrtime|uptime)\b/, 'process state'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\brequire\s*\(/, 'require()'],
  // moment-timezone is there for its zone tables (tz.zone): a moment is the clock read.
  [/\b(?:moment|tz)\(/, 'a moment (the time now)'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = CORE.flatMap((dir) => sources(join(root, dir)));

function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    specifiers.push((match[1] ?? match[2] ?? match[3])!);
  }
  return specifiers;
}

describe('the pure core (domain/, workflows/, projections/)', () => {
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s imports only zod, xstate, date-holidays, moment-timezone and the core', (_name, file) => {
    const problems = importsOf(readFileSync(file, 'utf8')).filter((specifier) => {
      if (specifier.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), specifier));
        return !CORE.some((dir) => target === dir || target.startsWith(`${dir}/`));
      }
      const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
      return !ALLOWED_PACKAGES.has(pkg);
    });
    expect(problems).toEqual([]);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s reads no clock, random source or process state', (_name, file) => {
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const found = FORBIDDEN_CALLS.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
    expect(found).toEqual([]);
  });

  it('catches a violation when one is written (the checks are not vacuous)', () => {
    expect(importsOf("import { Injectable } from '@nestjs/common';\nimport x from './y';")).toEqual(['@nestjs/common', './y']);
    expect(FORBIDDEN_CALLS.some(([pattern]) => pattern.test('const t = Date.now();'))).toBe(true);
    expect(FORBIDDEN_CALLS.some(([pattern]) => pattern.test('const d = new Date();'))).toBe(true);
    expect(FORBIDDEN_CALLS.some(([pattern]) => pattern.test("const d = new Date('2026-01-01');"))).toBe(false);
    expect(FORBIDDEN_CALLS.some(([pattern]) => pattern.test("const now = tz('America/Toronto');"))).toBe(true);
    expect(FORBIDDEN_CALLS.some(([pattern]) => pattern.test("const zone = tz.zone('America/Toronto');"))).toBe(false);
  });
});
