import { z } from 'zod';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { CVSS_SEVERITIES, CVSS_VERSIONS } from './cvss.ts';

export const VULNERABILITY_STATUSES = ['open', 'mitigated', 'accepted', 'false-positive', 'fixed'] as const;
export const VULNERABILITY_SORTS = ['cvss', 'epss', 'cve', 'title'] as const;

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZProbability = z.number().min(0).max(1);

const fields = {
  cveId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^CVE-\d{4}-\d{4,}$/, 'a CVE id such as CVE-2024-3094')
    .nullable()
    .describe('Unique in the organization'),
  title: ZText(500),
  description: ZText(20_000).nullable(),
  cvssVector: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .nullable()
    .describe('CVSS 3.0, 3.1 or 4.0 vector; version, score and severity are computed from it'),
  epssScore: ZProbability.nullable().describe('EPSS probability of exploitation in the next 30 days'),
  epssPercentile: ZProbability.nullable(),
  epssDate: z.iso.date().nullable().describe('The day of the EPSS scores'),
  status: z.enum(VULNERABILITY_STATUSES),
  tags: z.array(ZText(100)).max(50),
  assetIds: z
    .array(z.uuid())
    .max(10_000)
    .refine((ids) => new Set(ids).size === ids.length, 'lists an asset twice')
    .describe('The affected assets of this organization'),
};

export const ZCreateVulnerability = z.strictObject({
  cveId: fields.cveId.optional(),
  title: fields.title.optional().describe('Defaults to the CVE id; required without one'),
  description: fields.description.optional(),
  cvssVector: fields.cvssVector.optional(),
  epssScore: fields.epssScore.optional(),
  epssPercentile: fields.epssPercentile.optional(),
  epssDate: fields.epssDate.optional(),
  status: fields.status.default('open'),
  tags: fields.tags.default([]),
  assetIds: fields.assetIds.default([]),
});

export const ZUpdateVulnerability = z.strictObject({
  cveId: fields.cveId.optional(),
  title: fields.title.optional(),
  description: fields.description.optional(),
  cvssVector: fields.cvssVector.optional(),
  epssScore: fields.epssScore.optional(),
  epssPercentile: fields.epssPercentile.optional(),
  epssDate: fields.epssDate.optional(),
  status: fields.status.optional(),
  tags: fields.tags.optional(),
  assetIds: fields.assetIds.optional().describe('Replaces the affected assets'),
  version: z.number().int().positive().optional().describe('The version you read (or send If-Match); a stale one → 409 VERSION_CONFLICT'),
});

export const ZKevFacts = z.object({
  dateAdded: z.string().describe('When CISA added it to the catalogue'),
  dueDate: z.string().nullable().describe('Remediation deadline for US federal agencies'),
  ransomware: z.boolean().describe('Known to be used in ransomware campaigns'),
  requiredAction: z.string().nullable(),
});

export const ZVulnerability = z.object({
  id: z.uuid(),
  cveId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  cvssVector: z.string().nullable(),
  cvssVersion: z.enum(CVSS_VERSIONS).nullable(),
  cvssScore: z.number().nullable().describe('Base score computed from the vector'),
  cvssSeverity: z.enum(CVSS_SEVERITIES).nullable(),
  epssScore: z.number().nullable(),
  epssPercentile: z.number().nullable(),
  epssDate: z.string().nullable(),
  status: z.enum(VULNERABILITY_STATUSES),
  tags: z.array(z.string()),
  knownExploited: z.boolean().describe('In the organization’s copy of the CISA KEV catalogue'),
  kev: ZKevFacts.nullable(),
  assets: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })).describe('Affected assets, by name'),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZVulnerabilityQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe('Part of the CVE id or the title'),
  severity: z.enum(CVSS_SEVERITIES).optional(),
  knownExploited: z.stringbool().optional(),
  status: z.enum(VULNERABILITY_STATUSES).optional(),
  assetId: z.uuid().optional().describe('Only those affecting this asset'),
  minEpss: z.coerce.number().min(0).max(1).optional(),
  sort: z.enum(VULNERABILITY_SORTS).default('cvss').describe('cvss and epss: highest first, unknown last; cve and title: ascending'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const ZVulnerabilityList = z.object({
  items: z.array(ZVulnerability),
  truncated: z.boolean().describe('true when limit cut the list'),
});

export const ZVulnerabilityParams = ZOrgParams.extend({ vulnerabilityId: z.uuid() });

export const ZKevImportResult = z.object({
  catalogVersion: z.string(),
  entries: z.number().int().describe('Entries now in the organization’s copy of the catalogue'),
  flagged: z.number().int().describe('The organization’s vulnerabilities now known to be exploited'),
});

export const ZEpssImportResult = z.object({
  rows: z.number().int().describe('Score rows in the file'),
  matched: z.number().int().describe('The organization’s vulnerabilities whose EPSS fields were set'),
});

export type TCreateVulnerability = z.infer<typeof ZCreateVulnerability>;
export type TUpdateVulnerability = z.infer<typeof ZUpdateVulnerability>;
export type TVulnerability = z.infer<typeof ZVulnerability>;
export type TVulnerabilityQuery = z.infer<typeof ZVulnerabilityQuery>;
export type TKevImportResult = z.infer<typeof ZKevImportResult>;
export type TEpssImportResult = z.infer<typeof ZEpssImportResult>;
