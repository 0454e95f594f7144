import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n/i18n';
import type { SignedOut } from './shared/api';
import { keepSession, sessionFromToken, type Session } from './shared/session';

/**
 * Asks for a bearer token (e.g. from `npx mend token --sub p-1 --role practitioner`); after the API
 * refused the last one, says why first, and takes the focus there.
 */
export function SignIn({ onSignedIn, signedOut }: { onSignedIn: (session: Session) => void; signedOut?: SignedOut | undefined }) {
  const { t, language } = useI18n();
  const [token, setToken] = useState('');
  // How many times the form was refused: each refusal takes the focus to the field, described by what is wrong with it.
  const [refusals, setRefusals] = useState(0);
  const error = refusals > 0;
  const why = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (signedOut) why.current?.focus();
  }, [signedOut]);
  useEffect(() => {
    if (refusals > 0) field.current?.focus();
  }, [refusals]);
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t.signIn}</h2>
      {signedOut ? (
        <div class="error-summary" role="alert" tabIndex={-1} ref={why}>
          <p>{t.sessionEnded}</p>
          {signedOut.message ? <p lang={signedOut.language === language ? undefined : signedOut.language}>{signedOut.message}</p> : null}
        </div>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const session = sessionFromToken(token);
          if (!session) {
            setRefusals((n) => n + 1);
            return;
          }
          keepSession(session);
          onSignedIn(session);
        }}
      >
        <div class={`field${error ? ' invalid' : ''}`}>
          <label for="token">{t.accessToken}</label>
          <span id="token-hint" class="hint">
            {t.tokenHint}
          </span>
          <textarea
            id="token"
            ref={field}
            rows={4}
            autoComplete="off"
            spellcheck={false}
            aria-describedby={error ? 'token-error token-hint' : 'token-hint'}
            aria-invalid={error ? true : undefined}
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
          {error ? (
            <span id="token-error" class="field-error">
              {t.notAToken}
            </span>
          ) : null}
        </div>
        <button type="submit">{t.signIn}</button>
      </form>
    </section>
  );
}
