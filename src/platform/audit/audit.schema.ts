import { z } from 'zod';

export const ZAuditQuery = z.strictObject({
  action: z
    .string()
    .max(100)
    .optional()
    .describe('Exact action (token.created), or a prefix ending in .* (token.*)'),
  actorId: z.uuid().optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('Entries before this instant'),
  cursor: z.coerce.number().int().positive().optional().describe('The nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const ZAuditEntry = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  occurredAt: z.string(),
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const ZAuditPage = z.object({
  items: z.array(ZAuditEntry),
  nextCursor: z.number().int().nullable().describe('Pass as cursor for the next (older) page; null at the end'),
});

export const ZChainVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  fault: z.string().nullable().describe('What is wrong with the first bad entry'),
  firstBadEntryId: z.string().nullable(),
});

export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export type TAuditPage = z.infer<typeof ZAuditPage>;
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
export type TChainVerification = z.infer<typeof ZChainVerification>;
