import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `npm run build:console` put the SPA: beside the sources when they run directly (tests,
 * `node -r register`), one level further up when compiled into dist/src/console.
 */
export function consoleRoot(): string | undefined {
  return [join(__dirname, '..', '..', 'console', 'dist'), join(__dirname, '..', '..', '..', 'console', 'dist')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}
