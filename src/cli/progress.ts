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
  const language = cliLanguage();
  const eta = CLI_TEXTS.eta[language];
  if (process.stderr.isTTY) {
    const percent = language === 'fr' ? '{percentage}\u00a0%' : '{percentage}%';
    const bar = new SingleBar({
      stream: process.stderr,
      format: `${label} [{bar}] ${percent} | {value}/{total} ${unit} | {rate}/s | ${eta} {eta_formatted}`,
      hideCursor: true,
      ...(language === 'fr' ? { formatTime: frenchTime } : {}),
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
      const left = rate > 0 && total > done ? ` ${eta} ${CLI_TEXTS.etaSeconds(Math.ceil((total - done) / rate))[language]}` : '';
      process.stderr.write(`${CLI_TEXTS.progressLine(label, `${done}/${total} ${unit} (${Math.round(rate)}/s)${left}`)[language]}\n`);
    },
    stop: () => undefined,
  };
}

/**
 * The bar's time left as French sets it: a no-break space between each number and its unit
 * (« 1\u00a0h\u00a005\u00a0min », « 2\u00a0min\u00a005\u00a0s », « 12\u00a0s »). What the bar cannot estimate yet is shown as it says it.
 */
export function frenchTime(t: unknown): string {
  if (typeof t !== 'number' || !Number.isFinite(t)) return String(t);
  const seconds = Math.max(0, Math.round(t));
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds > 3600) return `${Math.floor(seconds / 3600)}\u00a0h\u00a0${two(Math.floor((seconds % 3600) / 60))}\u00a0min`;
  if (seconds > 60) return `${Math.floor(seconds / 60)}\u00a0min\u00a0${two(seconds % 60)}\u00a0s`;
  return `${seconds}\u00a0s`;
}
