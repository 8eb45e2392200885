import type { Store } from '../platform/db/store.ts';
import { listCriteria } from '../risk/criteria.service.ts';
import { CliError } from './cli-kit.ts';

/**
 * The criteria set a command-line user names, by id or by name (names are unique per organization, ignoring
 * case). An unknown one is an error that lists the organization's sets, so the next try can be right.
 */
export async function findCriteria(
  store: Store,
  org: { id: string; slug: string },
  nameOrId: string,
): Promise<{ id: string; name: string }> {
  const sets = await listCriteria(store, { orgId: org.id });
  const wanted = nameOrId.trim().toLowerCase();
  const found = sets.find((set) => set.id === wanted) ?? sets.find((set) => set.name.toLowerCase() === wanted);
  if (found) return found;
  const known = sets.map((set) => (set.isDefault ? `${set.name} (default)` : set.name));
  throw new CliError(
    known.length
      ? `no risk criteria "${nameOrId}" in organization "${org.slug}"; its sets: ${known.join(', ')}`
      : `no risk criteria "${nameOrId}": organization "${org.slug}" has no risk criteria yet`,
  );
}
