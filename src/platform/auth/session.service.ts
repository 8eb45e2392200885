import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/audit.store.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors/catalogue.ts';
import { ensureInstanceOrg } from '../orgs/orgs.service.ts';
import { users } from '../orgs/orgs.table.ts';
import { randomSecret, sha256Hex } from '../util/digest.ts';
import { sessions } from './auth.table.ts';
import { verifyPassword } from './password.ts';
import type { SessionUser } from './principal.ts';

export interface SignedIn {
  /** Goes into the HttpOnly cookie; only its SHA-256 is stored. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** Checks the password and opens a session. Wrong email and wrong password fail alike, in alike time. */
export async function signIn(store: Store, input: { email: string; password: string; ttlHours: number; requestId: string | null }): Promise<SignedIn> {
  const [user] = await store.db.select().from(users).where(eq(users.email, input.email.toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
  const secret = randomSecret(32);
  const csrfToken = randomSecret(24);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000);
  await store.db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tokenHash: sha256Hex(secret), userId: user.id, csrfToken, createdAt: now, expiresAt });
    await appendAudit(tx, await ensureInstanceOrg(tx), {
      actor: { type: 'user', id: user.id, label: user.email },
      action: 'session.signed-in',
      targetType: 'user',
      targetId: user.id,
      requestId: input.requestId,
    });
  });
  return { secret, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, isInstanceAdmin: user.isInstanceAdmin } };
}

export async function signOut(store: Store, sessionHash: string, user: SessionUser, requestId: string | null): Promise<void> {
  await store.db.transaction(async (tx) => {
    const removed = await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash)).returning({ userId: sessions.userId });
    if (removed.length === 0) return;
    await appendAudit(tx, await ensureInstanceOrg(tx), {
      actor: { type: 'user', id: user.id, label: user.email },
      action: 'session.signed-out',
      targetType: 'user',
      targetId: user.id,
      requestId,
    });
  });
}
