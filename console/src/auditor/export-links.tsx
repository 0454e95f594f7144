import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../shared/api';
import { useConsole } from '../shared/context';

const FORMATS = [
  { format: 'ndjson', label: 'exportNdjson' },
  { format: 'csv', label: 'exportCsv' },
] as const;

/**
 * Downloads through fetch and a blob: the token travels in a header, where a plain link could not
 * carry it, and the file never passes through a URL the server would log.
 */
export function ExportLinks({ caseId }: { caseId: string }) {
  const { api } = useConsole();
  const { t } = useI18n();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const download = async (format: string) => {
    setBusy(format);
    setFailure(undefined);
    try {
      const response = await api.fetch(`/cases/${encodeURIComponent(caseId)}/export?format=${format}`);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `case.${format}`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      <ul class="exports">
        {FORMATS.map(({ format, label }) => (
          <li key={format}>
            <button type="button" class="secondary" disabled={busy === format} onClick={() => download(format)}>
              {t[label]}
            </button>
          </li>
        ))}
      </ul>
      {failure ? (
        <p role="alert" class="error">
          {failure}
        </p>
      ) : null}
    </>
  );
}
