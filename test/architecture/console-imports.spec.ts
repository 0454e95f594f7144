import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The console takes the API's response shapes from the server's zod schemas (one place per shape),
 * but only as types: an import that leaves console/ must be `import type`, so that nothing of the
 * server (NestJS, zod, the store) reaches the browser bundle.
 */
const root = resolve(__dirname, '..', '..');
const consoleDir = join(root, 'console', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) ? [path] : [];
  });
}

describe('the console', () => {
  const imports = sources(consoleDir).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({
      file: relative(root, path),
      typeOnly: Boolean(m[1]),
      target: resolve(join(path, '..'), m[2]!),
      relative: m[2]!.startsWith('.'),
    })),
  );

  it('imports the server\'s response schemas, as types', () => {
    // Plain data and functions without runtime imports (no zod): the regions' time zones (a case's times
    // are shown in them) and names, the clocks' declarations (clocks are named from them), and what a personal-data
    // field reads when it is not shown (`[redacted]`, told apart from what people wrote), and the
    // keywords the API's JSON Schemas mark a staff id, a clock key, a state or a local time with, and
    // the ids of the actors Mend itself records events under, and the roles' names.
    const sharedData = [
      join(root, 'domain', 'region-time-zones'),
      join(root, 'domain', 'region-names'),
      join(root, 'domain', 'clocks', 'declarations'),
      join(root, 'domain', 'sealed-fields'),
      join(root, 'domain', 'json-schema-keywords'),
      join(root, 'domain', 'system-actors'),
      join(root, 'domain', 'role-labels'),
    ];
    const fromServer = imports.filter((i) => i.relative && !i.target.startsWith(join(root, 'console')) && !sharedData.includes(i.target));
    expect(fromServer.length).toBeGreaterThan(0);
    expect(fromServer.filter((i) => !i.typeOnly)).toEqual([]);
    for (const i of fromServer) expect(relative(root, i.target)).toMatch(/^src\/.*(\.schemas|response-schemas)$/);
  });
});
