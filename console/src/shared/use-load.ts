import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { Console } from './context';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly value: T };

/**
 * Loads once per change of `key`; `reload` asks again (after a command, for instance) and keeps
 * showing the previous value meanwhile. A new key shows "loading", never the previous key's value.
 * A change of `refresh` asks again as `reload` does: the same thing, newer (after a live alert, say),
 * so that the page, and what is typed or focused in it, stays while the answer comes.
 * A change of language asks again too, as `reload` does: what the API says comes back in the new
 * language, while the page (and what was typed in it) stays.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, refresh?: string | number): [Loaded<T>, () => void] {
  const [state, setState] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { status: 'loading' } });
  const [tick, setTick] = useState(0);
  const api = useContext(Console)?.api;
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ key, loaded: { status: 'ready', value } }),
      (error: unknown) => current && setState({ key, loaded: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [key, tick, api, refresh]); // `key` names what `load` depends on, beside the API of the language chosen
  return [state.key === key ? state.loaded : { status: 'loading' }, useCallback(() => setTick((n) => n + 1), [])];
}
