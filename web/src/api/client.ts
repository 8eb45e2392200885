import createClient, { type Middleware } from 'openapi-fetch';
import { problemFromResponse } from './api-problem';
import type { paths } from './schema';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The session cookie is httpOnly; the CSRF token comes with the session view and must be echoed on writes.
let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrfHeader: Middleware = {
  onRequest({ request }) {
    if (csrfToken && STATE_CHANGING.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The typed Bulwark API client; paths, parameters and bodies are checked against docs/openapi.json. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrfHeader);

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiProblem built from the problem+json body.
 * @example const org = await unwrap(api.GET('/api/orgs/{org}', { params: { path: { org } } }));
 */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemFromResponse(response, error);
  return data as T;
}
