import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './api-problem';
import { SESSION_KEY } from '../session/session-key';

/** A 4xx will not get better by asking again; network trouble and 5xx might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiProblem && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** Creates the app's query client; an expired session anywhere sends the user back to sign-in. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => dropSessionIfExpired(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => dropSessionIfExpired(client, error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

function dropSessionIfExpired(client: QueryClient, error: unknown): void {
  if (error instanceof ApiProblem && error.code === 'UNAUTHENTICATED') client.setQueryData(SESSION_KEY, null);
}
