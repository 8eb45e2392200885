import { z } from 'zod';
import { ZRole, ZSlug } from '../orgs/orgs.schema.ts';

export const ZCreateToken = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: ZRole.describe('At most your own role'),
  expiresAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('RFC 3339; omit for a token that never expires'),
});

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZRole,
  prefix: z.string().describe('The first characters of the secret, to recognise it'),
  userId: z.uuid(),
  userEmail: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});

export const ZCreatedToken = z.object({
  token: ZApiToken,
  secret: z.string().describe('Shown once: send it as "Authorization: Bearer <secret>"'),
});

export const ZTokenParams = z.strictObject({ org: ZSlug, tokenId: z.uuid() });

export type TApiToken = z.infer<typeof ZApiToken>;
