import { and, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/audit.store.ts';
import type { OrgAccess } from '../context.ts';
import type { Store } from '../db/store.ts';
import { AppError, forbidden, notFound } from '../errors/catalogue.ts';
import { memberships, users } from '../orgs/orgs.table.ts';
import { randomSecret, sha256Hex } from '../util/digest.ts';
import { newId } from '../util/ids.ts';
import { apiTokens } from './auth.table.ts';
import { TOKEN_PREFIX } from './principal.ts';
import { can, canGrant, type Role } from './roles.ts';
import type { TApiToken } from './tokens.schema.ts';

type TokenRecord = typeof apiTokens.$inferSelect & { userEmail: string };

function present(row: TokenRecord, now = new Date()): TApiToken {
  const status = row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt <= now ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    userId: row.userId,
    userEmail: row.userEmail,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    status,
  };
}

export interface NewToken {
  name: string;
  role: Role;
  expiresAt?: Date | undefined;
  /** Whose token it is; defaults to the caller. Only those who manage all tokens may mint for others. */
  userId?: string | undefined;
}

/** Mints a token bound to this organization. The secret is returned once; only its SHA-256 is stored. */
export async function createToken(store: Store, access: OrgAccess, input: NewToken): Promise<{ token: TApiToken; secret: string }> {
  const ownerId = input.userId ?? access.userId;
  if (!ownerId) throw new AppError('UNPROCESSABLE', 'A token must belong to a user');
  if (ownerId !== access.userId && !can(access.role, 'tokens:manage-all')) throw forbidden('Only administrators mint tokens for others');
  if (!canGrant(access.role, input.role)) throw forbidden(`A ${access.role} cannot mint a ${input.role} token`);
  if (input.expiresAt && input.expiresAt <= new Date()) {
    throw new AppError('UNPROCESSABLE', 'expiresAt must be in the future', { errors: [{ path: 'body.expiresAt', message: 'must be in the future' }] });
  }
  const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
  return store.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, access.orgId), eq(memberships.userId, ownerId)));
    // The token's owner must be a member, and the token may not outrank the owner.
    if (!owner) throw notFound('Member');
    if (!canGrant(owner.role as Role, input.role)) throw forbidden(`${owner.email} is a ${owner.role} and cannot hold a ${input.role} token`);
    const record = {
      orgId: access.orgId,
      id: newId(),
      userId: ownerId,
      name: input.name,
      role: input.role,
      tokenHash: sha256Hex(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: new Date(),
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
      lastUsedAt: null,
    };
    await tx.insert(apiTokens).values(record);
    const { tokenHash: _secretDigest, ...publicRecord } = record;
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      action: 'token.created',
      targetType: 'token',
      targetId: record.id,
      after: publicRecord,
      summary: { name: record.name, role: record.role, owner: owner.email, expiresAt: record.expiresAt?.toISOString() ?? null },
      requestId: access.requestId,
    });
    return { token: present({ ...record, userEmail: owner.email }), secret };
  });
}

/** Administrators see every token of the organization; everyone else sees their own. */
export async function listTokens(store: Store, access: OrgAccess): Promise<TApiToken[]> {
  const seeAll = can(access.role, 'tokens:read') || can(access.role, 'tokens:manage-all');
  const rows = await store.db
    .select({ token: apiTokens, userEmail: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(seeAll ? eq(apiTokens.orgId, access.orgId) : and(eq(apiTokens.orgId, access.orgId), eq(apiTokens.userId, access.userId ?? '')))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => present({ ...r.token, userEmail: r.userEmail }));
}

export async function revokeToken(store: Store, access: OrgAccess, tokenId: string): Promise<TApiToken> {
  return store.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: apiTokens, userEmail: users.email })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.orgId, access.orgId), eq(apiTokens.id, tokenId)))
      .for('update', { of: apiTokens });
    const mayManage = row && (row.token.userId === access.userId || can(access.role, 'tokens:manage-all'));
    if (!row || !mayManage) throw notFound('Token');
    if (row.token.revokedAt) return present({ ...row.token, userEmail: row.userEmail });
    const revokedAt = new Date();
    await tx.update(apiTokens).set({ revokedAt }).where(and(eq(apiTokens.orgId, access.orgId), eq(apiTokens.id, tokenId)));
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      action: 'token.revoked',
      targetType: 'token',
      targetId: tokenId,
      before: { revokedAt: null },
      after: { revokedAt: revokedAt.toISOString() },
      summary: { name: row.token.name, owner: row.userEmail },
      requestId: access.requestId,
    });
    return present({ ...row.token, revokedAt, userEmail: row.userEmail });
  });
}
