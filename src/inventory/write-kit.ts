import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { AppError } from '../platform/errors/catalogue.ts';

/** Appends the audit entry of one inventory change, inside the caller's transaction. */
export async function auditChange(
  tx: Queryable,
  access: OrgAccess,
  change: { action: string; targetType: string; targetId: string; before?: unknown; after?: unknown; summary?: Record<string, unknown> },
): Promise<void> {
  await appendAudit(tx, access.orgId, { ...change, actor: access.actor, requestId: access.requestId });
}

/**
 * The version a conditional write expects: the `If-Match` header (an ETag such as "3", W/"3" or 3; `*`
 * means any) or the body's `version` field. Both given and different → 400.
 */
export function expectedVersionOf(request: FastifyRequest, bodyVersion: number | undefined): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return bodyVersion;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new AppError('VALIDATION_FAILED', 'If-Match must be the ETag of the resource, e.g. "3"', {
      errors: [{ path: 'headers.if-match', message: 'not an ETag of this API' }],
    });
  const version = Number(match[1]);
  if (bodyVersion !== undefined && bodyVersion !== version) {
    throw new AppError('VALIDATION_FAILED', 'If-Match and body.version disagree', {
      errors: [{ path: 'body.version', message: 'differs from If-Match' }],
    });
  }
  return version;
}

/** @throws AppError VERSION_CONFLICT when the caller expected another version than the stored one */
export function assertVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'VERSION_CONFLICT',
      `The ${what} changed since you read it (you have version ${expected}, it is at ${current}); reload and retry`,
      {
        extra: { currentVersion: current },
      },
    );
  }
}

export const etagOf = (version: number): string => `"${version}"`;

/** The fields of `patch` whose value differs from `current` (for the audit summary and to skip no-op writes). */
export function changedFields<T extends object>(current: T, patch: Partial<T>): (keyof T)[] {
  return (Object.keys(patch) as (keyof T)[]).filter(
    (key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(current[key]),
  );
}

/** The patch without its undefined members (absent = unchanged; null = cleared). */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
