import { and, eq, sql } from 'drizzle-orm';
import { apiTokens } from '../auth/auth.table.ts';
import { hashPassword } from '../auth/password.ts';
import { canGrant, type Role } from '../auth/roles.ts';
import { appendAudit } from '../audit/audit.store.ts';
import type { OrgAccess } from '../context.ts';
import type { Queryable, Store } from '../db/store.ts';
import { AppError, conflict, forbidden, notFound } from '../errors/catalogue.ts';
import { memberships, users } from './orgs.table.ts';
import type { TMember } from './orgs.schema.ts';
import { generatePassword, insertUser } from './users.service.ts';

export async function listMembers(store: Store, access: OrgAccess): Promise<TMember[]> {
  const rows = await store.db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, access.orgId))
    .orderBy(users.email);
  return rows.map((r) => ({ ...r, role: r.role as Role, joinedAt: r.joinedAt.toISOString() }));
}

function assertMayGrant(access: OrgAccess, role: Role): void {
  if (!canGrant(access.role, role)) throw forbidden(`A ${access.role} cannot grant the ${role} role`);
}

/**
 * Adds a person to the organization. A person without an account gets one, with a one-time password that
 * is returned once for the administrator to hand over.
 */
export async function addMember(
  store: Store,
  access: OrgAccess,
  input: { email: string; name?: string | undefined; role: Role },
): Promise<{ member: TMember; initialPassword?: string }> {
  assertMayGrant(access, input.role);
  const [existing] = await store.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, input.email));
  if (!existing && !input.name) {
    throw new AppError('VALIDATION_FAILED', 'name is required for a person who has no account yet', {
      errors: [{ path: 'body.name', message: 'required for a new account' }],
    });
  }
  const initialPassword = existing ? undefined : generatePassword();
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : undefined;
  const member = await store.db.transaction(async (tx) => {
    const userId = existing?.id ?? (await insertUser(tx, access.actor, { email: input.email, name: input.name!, passwordHash: passwordHash! }, access.requestId));
    const [already] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, access.orgId), eq(memberships.userId, userId)));
    if (already) throw conflict(`${input.email} is already a member (${already.role})`, 'body.email');
    const record = { orgId: access.orgId, userId, role: input.role, createdAt: new Date() };
    await tx.insert(memberships).values(record);
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      action: 'member.added',
      targetType: 'user',
      targetId: userId,
      after: record,
      summary: { email: input.email, role: input.role },
      requestId: access.requestId,
    });
    return { userId, email: input.email, name: existing?.name ?? input.name!, role: input.role, joinedAt: record.createdAt.toISOString() };
  });
  return initialPassword ? { member, initialPassword } : { member };
}

async function loadMembership(tx: Queryable, orgId: string, userId: string): Promise<{ role: Role; email: string; createdAt: Date }> {
  const [row] = await tx
    .select({ role: memberships.role, email: users.email, createdAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for('update', { of: memberships });
  if (!row) throw notFound('Member');
  return { ...row, role: row.role as Role };
}

async function assertOwnerRemains(tx: Queryable, orgId: string, leavingUserId: string): Promise<void> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner'), sql`${memberships.userId} <> ${leavingUserId}`));
  if ((row?.n ?? 0) === 0) throw new AppError('UNPROCESSABLE', 'An organization must keep at least one owner');
}

/** A member's tokens carry the old authority, so a role change or removal revokes them. */
async function revokeTokensOf(tx: Queryable, orgId: string, userId: string): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), sql`${apiTokens.revokedAt} is null`))
    .returning({ id: apiTokens.id });
  return revoked.length;
}

export async function changeMemberRole(store: Store, access: OrgAccess, userId: string, role: Role): Promise<TMember> {
  return store.db.transaction(async (tx) => {
    const current = await loadMembership(tx, access.orgId, userId);
    assertMayGrant(access, role);
    assertMayGrant(access, current.role);
    if (current.role === 'owner' && role !== 'owner') await assertOwnerRemains(tx, access.orgId, userId);
    await tx.update(memberships).set({ role }).where(and(eq(memberships.orgId, access.orgId), eq(memberships.userId, userId)));
    const revokedTokens = current.role === role ? 0 : await revokeTokensOf(tx, access.orgId, userId);
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      action: 'member.role-changed',
      targetType: 'user',
      targetId: userId,
      before: { role: current.role },
      after: { role },
      summary: { email: current.email, from: current.role, to: role, revokedTokens },
      requestId: access.requestId,
    });
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    return { userId, email: current.email, name: user!.name, role, joinedAt: current.createdAt.toISOString() };
  });
}

export async function removeMember(store: Store, access: OrgAccess, userId: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    const current = await loadMembership(tx, access.orgId, userId);
    assertMayGrant(access, current.role);
    if (current.role === 'owner') await assertOwnerRemains(tx, access.orgId, userId);
    const revokedTokens = await revokeTokensOf(tx, access.orgId, userId);
    await tx.delete(memberships).where(and(eq(memberships.orgId, access.orgId), eq(memberships.userId, userId)));
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      action: 'member.removed',
      targetType: 'user',
      targetId: userId,
      before: { role: current.role },
      summary: { email: current.email, role: current.role, revokedTokens },
      requestId: access.requestId,
    });
  });
}
