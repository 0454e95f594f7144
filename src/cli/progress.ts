import { SingleBar } from 'cli-progress';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from './messages';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * Progress on stderr (stdout stays data): a bar with rate and ETA on a terminal, a plain line every
 * few seconds otherwise (logs, CI).
 */
export function progress(label: string, unit: string = CLI_TEXTS.progressUnit[cliLanguage()]): Progress {
  const started = performance.now();
  const eta = CLI_TEXTS.eta[cliLanguage()];
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ${eta} {eta_formatted}`,
      hideCursor: true,
    });
    let begun = false;
    return {
      update(done, total) {
        const rate = Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
        if (!begun) {
          bar.start(Math.max(total, done), done, { rate });
          begun = true;
        } else {
          bar.setTotal(Math.max(total, done));
          bar.update(done, { rate });
        }
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - lastLine < 2000 && done < total) return;
      lastLine = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(0.001, seconds);
      const left = rate > 0 && total > done ? ` ${eta} ${Math.ceil((total - done) / rate)}s` : '';
      process.stderr.write(`${CLI_TEXTS.progressLine(label, `${done}/${total} ${unit} (${Math.round(rate)}/s)${left}`)[cliLanguage()]}\n`);
    },
    stop: () => undefined,
  };
}
