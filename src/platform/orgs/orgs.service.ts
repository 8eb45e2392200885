import { eq } from 'drizzle-orm';
import type { Principal } from '../auth/principal.ts';
import { appendAudit } from '../audit/audit.store.ts';
import { GENESIS_HASH } from '../audit/audit.chain.ts';
import type { Actor, OrgAccess } from '../context.ts';
import type { Queryable, Store } from '../db/store.ts';
import { AppError, conflict } from '../errors/catalogue.ts';
import { newId } from '../util/ids.ts';
import { isRole, type Role } from '../auth/roles.ts';
import { memberships, organizations } from './orgs.table.ts';
import type { TOrganization, TOrganizationSummary } from './orgs.schema.ts';

/**
 * The instance's own chain: changes that belong to no tenant (accounts, instance administrators, sign-ins)
 * are audited here. Its slug cannot be chosen by users (slugs start with a letter or digit).
 */
export const INSTANCE_ORG_SLUG = '_instance';

export async function ensureInstanceOrg(tx: Queryable): Promise<string> {
  const [existing] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, INSTANCE_ORG_SLUG));
  if (existing) return existing.id;
  const id = newId();
  await tx
    .insert(organizations)
    .values({ id, slug: INSTANCE_ORG_SLUG, name: 'Bulwark instance', createdAt: new Date(), auditHead: GENESIS_HASH })
    .onConflictDoNothing();
  const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, INSTANCE_ORG_SLUG));
  return row!.id;
}

export async function createOrganization(
  store: Store,
  actor: Actor,
  input: { slug: string; name: string; ownerUserId?: string | undefined },
  requestId: string | null = null,
): Promise<{ id: string; slug: string; name: string; createdAt: Date }> {
  return store.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, input.slug));
    if (taken) throw conflict(`An organization with slug "${input.slug}" already exists`, 'body.slug');
    const org = { id: newId(), slug: input.slug, name: input.name, createdAt: new Date() };
    await tx.insert(organizations).values({ ...org, auditHead: GENESIS_HASH });
    await appendAudit(tx, org.id, { actor, action: 'organization.created', targetType: 'organization', targetId: org.id, after: org, requestId });
    if (input.ownerUserId) {
      const membership = { orgId: org.id, userId: input.ownerUserId, role: 'owner', createdAt: new Date() };
      await tx.insert(memberships).values(membership);
      await appendAudit(tx, org.id, {
        actor,
        action: 'member.added',
        targetType: 'user',
        targetId: input.ownerUserId,
        after: membership,
        summary: { role: 'owner' },
        requestId,
      });
    }
    return org;
  });
}

/** Organizations the caller can open: their memberships, or every tenant for an instance administrator. */
export async function listOrganizationsFor(store: Store, principal: Principal): Promise<TOrganization[]> {
  if (principal.kind === 'token') {
    const rows = await store.query<{ id: string; slug: string; name: string; created_at: Date }>(
      'select id, slug, name, created_at from organizations where id = $1',
      [principal.orgId],
    );
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, createdAt: r.created_at.toISOString(), role: principal.role }));
  }
  const rows = await store.query<{ id: string; slug: string; name: string; created_at: Date; role: string | null }>(
    `select o.id, o.slug, o.name, o.created_at, m.role
       from organizations o left join memberships m on m.org_id = o.id and m.user_id = $1
      where o.slug <> $2 and (m.role is not null or $3::boolean)
      order by o.name`,
    [principal.user.id, INSTANCE_ORG_SLUG, principal.user.isInstanceAdmin],
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    role: (r.role && isRole(r.role) ? r.role : 'admin') satisfies Role,
  }));
}

export async function getOrganizationSummary(store: Store, access: OrgAccess): Promise<TOrganizationSummary> {
  const rows = await store.query<{
    id: string;
    slug: string;
    name: string;
    created_at: Date;
    members: number;
    active_tokens: number;
    audit_entries: number;
    recent: number;
    last_at: Date | null;
  }>(
    `select o.id, o.slug, o.name, o.created_at, o.audit_seq::float8 as audit_entries,
            (select count(*)::int from memberships m where m.org_id = o.id) as members,
            (select count(*)::int from api_tokens t where t.org_id = o.id and t.revoked_at is null
                and (t.expires_at is null or t.expires_at > now())) as active_tokens,
            (select count(*)::int from audit_entries a where a.org_id = o.id and a.occurred_at > now() - interval '7 days') as recent,
            (select max(a.occurred_at) from audit_entries a where a.org_id = o.id and a.seq = o.audit_seq) as last_at
       from organizations o where o.id = $1`,
    [access.orgId],
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'Organization not found');
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    role: access.role,
    figures: {
      members: row.members,
      activeTokens: row.active_tokens,
      auditEntries: row.audit_entries,
      changesLast7Days: row.recent,
      lastActivityAt: row.last_at ? new Date(row.last_at).toISOString() : null,
    },
  };
}
