import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/api-problem';
import type { SessionView } from '../api/api-types';
import { api, setCsrfToken, unwrap } from '../api/client';
import { SESSION_KEY } from './session-key';

/** The current session, or null when nobody is signed in (a 401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionView | null> => {
      try {
        const session = await unwrap(api.GET('/api/auth/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => unwrap(api.POST('/api/auth/sign-in', { body: credentials })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<void>(api.POST('/api/auth/sign-out')),
    onSettled: () => {
      // Whatever the server said, forget everything this user could see. The session query itself stays in the
      // cache (set to null) so that the components watching it see the change; clear() would orphan them.
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}
