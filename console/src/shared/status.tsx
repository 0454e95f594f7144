import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n';
import { errorText } from './api';
import type { Loaded } from './use-load';

/** Shows loading and failure once, the same way on every page; `children` renders the value. */
export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ComponentChildren }) {
  const { t } = useI18n();
  if (loaded.status === 'loading') return <p role="status">{t.loading}</p>;
  if (loaded.status === 'failed') return <p role="alert" class="error">{errorText(loaded.error)}</p>;
  return <>{children(loaded.value)}</>;
}
