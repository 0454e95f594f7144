import { catalogues, type Language } from '../i18n/messages';
import { forgetSession, type Session } from './session';
import { learnServiceClock } from './service-clock';

/** One field named by the API's `details.issues`. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** One business rule a command broke, when it broke several (422 COMMAND.RULES_BROKEN `details.rules`): with the fields it is about, if it names them. */
export interface BrokenRule {
  readonly code: string;
  readonly message: string;
  readonly details?: { readonly issues?: readonly Issue[] };
}

/** A refusal from the API, as its exception filter shapes it: `{code, message, details}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[],
    readonly rules: readonly BrokenRule[] = [],
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  /** The raw response, for downloads and streams. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** Why the person was signed out: the API's refusal of their token, in the language it was asked in. */
export interface SignedOut {
  readonly message: string | undefined;
  readonly language: Language;
}

/**
 * Every call carries the bearer token in a header, and asks for the person's language, so the API's
 * messages and field errors come back in it; a refused or expired token signs the person out, with
 * the API's reason.
 */
export function createApi(session: Session, onSignedOut: (why: SignedOut) => void, language: Language): Api {
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${session.token}`);
    headers.set('accept-language', language);
    const response = await fetch(path, { ...init, headers, cache: 'no-store', referrerPolicy: 'no-referrer' });
    learnServiceClock(response);
    if (response.status === 401) {
      const refusal = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { message?: unknown } | undefined;
      forgetSession();
      onSignedOut({ message: typeof refusal?.message === 'string' ? refusal.message : undefined, language });
    }
    return response;
  };
  const json = async <T>(response: Response): Promise<T> => {
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) throw toApiError(response.status, body, language);
    return body as T;
  };
  return {
    get: async (path) => json(await send(path)),
    post: async (path, body, headers = {}) =>
      json(await send(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })),
    fetch: async (path, init) => {
      const response = await send(path, init);
      if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined), language);
      return response;
    },
  };
}

function toApiError(status: number, body: unknown, language: Language): ApiError {
  const error = (body ?? {}) as { code?: string; message?: string; details?: { issues?: Issue[]; rules?: BrokenRule[] } };
  return new ApiError(
    status,
    error.code ?? `HTTP.${status}`,
    error.message ?? catalogues[language].serverAnswered(status),
    error.details?.issues ?? [],
    Array.isArray(error.details?.rules) ? error.details.rules : [],
  );
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
