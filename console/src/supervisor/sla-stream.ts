import type { Api } from '../shared/api';
import type { SlaAlert } from '../shared/types';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows GET /sla/stream. EventSource cannot send an Authorization header, and the token must
 * not go in the URL, so this reads the Server-Sent Events from fetch's body and reconnects with
 * Last-Event-ID, which the API answers with exactly the alerts missed.
 */
export function followSlaStream(api: Api, onAlert: (alert: SlaAlert) => void, onState: (state: StreamState) => void): () => void {
  const abort = new AbortController();
  let lastEventId: string | undefined;

  const connect = async (): Promise<void> => {
    const response = await api.fetch('/sla/stream', {
      headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal: abort.signal,
    });
    onState('live');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = parseBlock(block);
        if (fields.id) lastEventId = fields.id;
        if (fields.data && fields.event) onAlert(JSON.parse(fields.data) as SlaAlert);
      }
    }
  };

  void (async () => {
    while (!abort.signal.aborted) {
      try {
        await connect();
      } catch {
        // A dropped connection or a refusal: wait as the server's `retry:` asks, then follow again.
      }
      if (abort.signal.aborted) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  })();
  return () => abort.abort();
}

function parseBlock(block: string): { id?: string; event?: string; data?: string } {
  const fields: { id?: string; event?: string; data?: string } = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'id' || name === 'event') fields[name] = value;
    else if (name === 'data') fields.data = fields.data === undefined ? value : `${fields.data}\n${value}`;
  }
  return fields;
}
