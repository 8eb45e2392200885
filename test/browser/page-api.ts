import type { Page } from 'playwright-core';

/**
 * Calls the API as the page's signed-in person would: with the session cookie and the session's CSRF token
 * (which every write needs). For set-up that is not the point of a journey, and for reading what was stored.
 */
export async function pageApi<T>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const session = (await (await page.request.get(`${baseUrl}/api/auth/session`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as T };
}
