import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A mutation inside an organization. On success every cached read of that organization is refetched (figures,
 * lists, the audit trail all move together), plus anything in `alsoInvalidate`.
 */
export function useOrgMutation<TInput, TResult>(orgSlug: string, mutationFn: (input: TInput) => Promise<TResult>, alsoInvalidate: readonly (readonly unknown[])[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['org', orgSlug] }), ...alsoInvalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey }))]);
    },
  });
}
