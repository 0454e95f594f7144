import { useState } from 'preact/hooks';
import { useI18n } from './i18n/i18n';
import { keepSession, sessionFromToken, type Session } from './shared/session';

/** Asks for a bearer token (e.g. from `npx mend token --sub p-1 --role practitioner`). */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [error, setError] = useState<boolean>(false);
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t.signIn}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const session = sessionFromToken(token);
          if (!session) {
            setError(true);
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
            rows={4}
            autoComplete="off"
            spellcheck={false}
            aria-describedby={error ? 'token-hint token-error' : 'token-hint'}
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
