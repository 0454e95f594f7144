/**
 * The service's now. A drill or a demo runs Mend on a clock of its own (`MEND_CLOCK_START`), which
 * every answer then states in `Mend-Clock`: time left, the moments of a case's past and "now" in a
 * form are counted from it, not from the browser's clock, which may be months away. Without the
 * header the two agree.
 */
let offsetMs = 0;

/** Takes the service's now from an answer that states it. */
export function learnServiceClock(response: Response): void {
  const stated = Date.parse(response.headers.get('mend-clock') ?? '');
  if (!Number.isNaN(stated)) offsetMs = stated - Date.now();
}

export const serviceNow = (): Date => new Date(Date.now() + offsetMs);
