/**
 * Resolves on the event loop's next turn, after the I/O and timers waiting now. A request that
 * reads the whole log page by page (an erasure's retention check, `GET /audit/verify`) awaits it
 * between pages: the embedded store reads synchronously, so without it such a request would hold
 * the process — health checks, every other request — until its last page.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
