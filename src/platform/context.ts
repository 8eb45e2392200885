import type { Role } from './auth/roles.ts';
import type { PendingTokenCheck } from './auth/token-check.ts';

/** Who is acting. `label` is what the audit trail shows (an email, a token name, "system"). */
export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  label: string;
}

/** The caller's standing in one organization, resolved by the auth layer before a service runs. */
export interface OrgAccess {
  orgId: string;
  orgSlug: string;
  role: Role;
  actor: Actor;
  /** The user behind the actor (a token's owner), for ownership checks. */
  userId: string | null;
  requestId: string | null;
  /** A read request's token validity check not yet settled (see auth/token-check.ts). */
  tokenCheck?: PendingTokenCheck;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system' };
