import { eq } from 'drizzle-orm';
import type { Store } from '../platform/db/store.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';
import { CliError } from './cli-kit.ts';

export async function findOrgBySlug(store: Store, slug: string): Promise<{ id: string; slug: string; name: string }> {
  const [org] = await store.db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!org) throw new CliError(`no organization with slug "${slug}"`);
  return org;
}
