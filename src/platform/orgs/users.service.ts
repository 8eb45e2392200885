import { eq } from 'drizzle-orm';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { appendAudit } from '../audit/audit.store.ts';
import type { Actor } from '../context.ts';
import type { Queryable, Store } from '../db/store.ts';
import { AppError, conflict } from '../errors/catalogue.ts';
import { newId } from '../util/ids.ts';
import { randomSecret } from '../util/digest.ts';
import { ensureInstanceOrg } from './orgs.service.ts';
import { users } from './orgs.table.ts';

export interface NewUser {
  email: string;
  name: string;
  /** When omitted, a one-time password is generated and returned. */
  password?: string | undefined;
  isInstanceAdmin?: boolean | undefined;
}

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  /** Set only when Bulwark generated the password: show it once, never store it. */
  generatedPassword?: string;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('UNPROCESSABLE', `The password must have at least ${MIN_PASSWORD_LENGTH} characters`, {
      errors: [{ path: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` }],
    });
  }
}

/** Generated passwords: 18 random bytes, base64url, 24 characters. */
export const generatePassword = (): string => randomSecret(18);

/**
 * Creates an account inside `tx`. Accounts belong to no tenant, so the change is audited in the instance chain.
 * The password is hashed before the transaction opens (Argon2 takes tens of milliseconds).
 */
export async function insertUser(tx: Queryable, actor: Actor, user: NewUser & { passwordHash: string }, requestId: string | null): Promise<string> {
  const email = user.email.toLowerCase();
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw conflict(`A user with email ${email} already exists`, 'email');
  const record = { id: newId(), email, name: user.name, isInstanceAdmin: user.isInstanceAdmin ?? false, createdAt: new Date() };
  await tx.insert(users).values({ ...record, passwordHash: user.passwordHash });
  const instanceId = await ensureInstanceOrg(tx);
  await appendAudit(tx, instanceId, {
    actor,
    action: 'user.created',
    targetType: 'user',
    targetId: record.id,
    after: record,
    summary: { email, isInstanceAdmin: record.isInstanceAdmin },
    requestId,
  });
  return record.id;
}

export async function createUser(store: Store, actor: Actor, input: NewUser, requestId: string | null = null): Promise<CreatedUser> {
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generatedPassword!;
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  const id = await store.db.transaction((tx) => insertUser(tx, actor, { ...input, passwordHash }, requestId));
  return {
    id,
    email: input.email.toLowerCase(),
    name: input.name,
    isInstanceAdmin: input.isInstanceAdmin ?? false,
    ...(generatedPassword ? { generatedPassword } : {}),
  };
}

export async function findUserByEmail(store: Store, email: string): Promise<{ id: string; email: string; name: string } | undefined> {
  const [row] = await store.db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}
