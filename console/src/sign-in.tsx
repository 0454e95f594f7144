import { useState } from 'preact/hooks';
import { keepSession, sessionFromToken, type Session } from './shared/session';

/** Asks for a bearer token (e.g. from `npx mend token --sub p-1 --role practitioner`). */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const session = sessionFromToken(token);
          if (!session) {
            setError('This is not a Mend token: it must be a JWT naming a subject and a role.');
            return;
          }
          keepSession(session);
          onSignedIn(session);
        }}
      >
        <div class={`field${error ? ' invalid' : ''}`}>
          <label for="token">Access token</label>
          <span id="token-hint" class="hint">
            Kept in this tab only, until you sign out or close it.
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
              {error}
            </span>
          ) : null}
        </div>
        <button type="submit">Sign in</button>
      </form>
    </section>
  );
}
