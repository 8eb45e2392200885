import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';

export const ZSlug = z
  .string()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens only');
export const ZRole = z.enum(ROLES);
export const ZEmail = z
  .string()
  .max(254)
  .email()
  .transform((email) => email.toLowerCase());

export const ZOrgParams = z.strictObject({ org: ZSlug });

export const ZCreateOrganization = z.strictObject({
  slug: ZSlug,
  name: z.string().trim().min(1).max(200),
});

export const ZOrganization = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  role: ZRole.describe('Your role in this organization'),
});

export const ZOrganizationSummary = ZOrganization.extend({
  figures: z.object({
    members: z.number().int(),
    activeTokens: z.number().int(),
    auditEntries: z.number().int(),
    changesLast7Days: z.number().int(),
    lastActivityAt: z.iso.datetime().nullable(),
  }),
});

export const ZMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  joinedAt: z.iso.datetime(),
});

export const ZAddMember = z.strictObject({
  email: ZEmail,
  name: z.string().trim().min(1).max(200).optional().describe('Required when the person has no account yet'),
  role: ZRole,
});

export const ZAddMemberResult = z.object({
  member: ZMember,
  /** Only when a new account was made: the one-time password to hand to the person. */
  initialPassword: z.string().optional(),
});

export const ZChangeRole = z.strictObject({ role: ZRole });
export const ZMemberParams = z.strictObject({ org: ZSlug, userId: z.uuid() });

export type TOrganization = z.infer<typeof ZOrganization>;
export type TOrganizationSummary = z.infer<typeof ZOrganizationSummary>;
export type TMember = z.infer<typeof ZMember>;
