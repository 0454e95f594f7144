import { useCallback, useEffect, useState } from 'preact/hooks';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly value: T };

/**
 * Loads once per change of `key`; `reload` asks again (after a command, for instance) and keeps
 * showing the previous value meanwhile. A new key shows "loading", never the previous key's value.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { status: 'loading' } });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ key, loaded: { status: 'ready', value } }),
      (error: unknown) => current && setState({ key, loaded: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [key, tick]); // `key` names what `load` depends on
  return [state.key === key ? state.loaded : { status: 'loading' }, useCallback(() => setTick((n) => n + 1), [])];
}
