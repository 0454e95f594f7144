import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, type Language } from '../i18n/i18n';
import { errorText } from '../shared/api';
import { useConsole } from '../shared/context';
import type { ErasureResult } from '../shared/types';
import { zonedToIso } from '../shared/zoned-time';
import { withReadableTimes } from '../practitioner/command-form';
import { localDate } from '../practitioner/event-data';

/** The browser's own time zone: a consent's date is the day the administrator's calendar says. */
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Request {
  readonly subjectId: string;
  readonly consent: { readonly givenBy: 'subject' | 'representative'; readonly givenAt: string } | undefined;
}

/**
 * Administrators erase a person's personal information (POST /subjects/:id/erase): by the
 * identifier a case page shows under the person, with the person's consent where the retention
 * period still runs. Nothing is sent before the administrator has read that it cannot be undone.
 */
export function ErasurePage() {
  const { api } = useConsole();
  const { t, language, instant } = useI18n();
  const [subjectId, setSubjectId] = useState('');
  const [consented, setConsented] = useState(false);
  const [givenBy, setGivenBy] = useState<'subject' | 'representative'>('subject');
  const [givenOn, setGivenOn] = useState('');
  // What is about to be erased, once asked: the warning takes the focus, and nothing is sent until confirmed.
  const [asked, setAsked] = useState<Request>();
  const [result, setResult] = useState<ErasureResult>();
  const [failure, setFailure] = useState<{ text: string; said: Language }>();
  const warning = useRef<HTMLParagraphElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asked) warning.current?.focus();
  }, [asked]);
  useEffect(() => {
    if (result || failure) said.current?.focus();
  }, [result, failure]);

  const ask = (e: Event) => {
    e.preventDefault();
    setResult(undefined);
    setFailure(undefined);
    if (!subjectId.trim() || (consented && !givenOn)) {
      setAsked(undefined);
      setFailure({ text: subjectId.trim() ? t.erasureNoConsentDate : t.erasureNoSubject, said: language });
      return;
    }
    // A consent's day, read as its first moment here: never later than now for a consent given today.
    const givenAt = givenOn ? zonedToIso(`${givenOn}T00:00`, localZone) : undefined;
    // What is missing or wrong is the API's to say (a 400 naming the field), in the reader's language.
    setAsked({ subjectId: subjectId.trim(), consent: consented ? { givenBy, givenAt: givenAt ?? givenOn } : undefined });
  };
  const erase = async (request: Request) => {
    setAsked(undefined);
    try {
      const body = request.consent ? { consent: request.consent } : {};
      setResult(await api.post<ErasureResult>(`/subjects/${encodeURIComponent(request.subjectId)}/erase`, body));
    } catch (error) {
      // The times a refusal names (the end of a retention period) as people read them, not as the API stores them.
      setFailure({ text: withReadableTimes(errorText(error), (iso) => instant(iso), (date) => localDate(date, language)), said: language });
    }
  };

  return (
    <section aria-labelledby="erasure-title">
      <h2 id="erasure-title">{t.erasureTitle}</h2>
      <p>{t.erasureIntro}</p>
      {result ? (
        <p role="status" class="notice" tabIndex={-1} ref={said}>
          {result.keyDestroyed ? t.erasureDone(result.subjectId, t.erasureGround(result.ground)) : t.erasureNothing(result.subjectId)}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" class="error" tabIndex={-1} ref={said} lang={failure.said !== language ? failure.said : undefined}>
          {failure.text}
        </p>
      ) : null}
      <form aria-labelledby="erasure-title" onSubmit={ask} noValidate>
        <div class="field">
          <label for="erasure-subject">
            {t.erasureSubject}
            <span class="required">{t.required}</span>
          </label>
          <input id="erasure-subject" required autoComplete="off" spellcheck={false} value={subjectId} onInput={(e) => setSubjectId(e.currentTarget.value)} />
        </div>
        <div class="checkbox">
          <input id="erasure-consent" type="checkbox" checked={consented} onChange={(e) => setConsented(e.currentTarget.checked)} />
          <label for="erasure-consent">{t.erasureConsent}</label>
        </div>
        {consented ? (
          <>
            <div class="field">
              <label for="erasure-given-by">{t.erasureConsentBy}</label>
              <select id="erasure-given-by" value={givenBy} onChange={(e) => setGivenBy(e.currentTarget.value as typeof givenBy)}>
                <option value="subject">{t.erasureConsentBySubject}</option>
                <option value="representative">{t.erasureConsentByRepresentative}</option>
              </select>
            </div>
            <div class="field">
              <label for="erasure-given-on">
                {t.erasureConsentAt}
                <span class="required">{t.required}</span>
              </label>
              <input id="erasure-given-on" type="date" required value={givenOn} onInput={(e) => setGivenOn(e.currentTarget.value)} />
            </div>
          </>
        ) : null}
        {asked ? (
          <div class="still-holds">
            <p tabIndex={-1} ref={warning}>
              {t.erasureConfirm(asked.subjectId)}
            </p>
            <button type="button" onClick={() => void erase(asked)}>
              {t.erasureConfirmButton}
            </button>{' '}
            <button type="button" class="secondary" onClick={() => setAsked(undefined)}>
              {t.staffKeep}
            </button>
          </div>
        ) : (
          <button type="submit">{t.erasureSubmit}</button>
        )}
      </form>
    </section>
  );
}
