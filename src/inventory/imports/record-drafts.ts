import { z } from 'zod';
import { ZCreateAsset } from '../assets.schema.ts';
import { ZCreateExternalOrganization } from '../external-orgs.schema.ts';
import { ZTags } from '../inventory.schema.ts';
import type { ProtectionScale } from '../scale.ts';
import { ASSET_KINDS, DEPENDENCY_TYPES, LIFECYCLE_STATUSES, RELATIONSHIP_TYPES } from '../vocabulary.ts';
import type { AssetDraft, DependencyDraft, OrganizationDraft } from './import-types.ts';

/**
 * Validation of one record of any format, in the shape of Bulwark's JSON format. Absent fields keep the
 * stored value on update; null clears it. Enumerations are matched loosely ("Business process",
 * "business_process" and "business-process" are one kind), protection levels by number or by the name of a
 * level of the tenant's scale.
 */

/** A field's problem; `field` is the dotted path inside the record (`externalIds.purl`). */
export interface FieldProblem {
  field: string;
  message: string;
}
type Result<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** "Business Process", "business_process" → "business-process". */
export const kebab = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

function looseEnum(values: readonly string[]) {
  return z.preprocess((value) => (typeof value === 'string' ? kebab(value) : value), z.enum(values as [string, ...string[]]));
}

const ZLevelInput = z.union([z.number(), z.string()]).nullable().optional();
const ZAssetDraft = ZCreateAsset.omit({ operatorId: true, status: true, tags: true, kind: true, confidentiality: true, integrity: true, availability: true }).extend({
  kind: looseEnum(ASSET_KINDS),
  operator: z.string().trim().min(1).max(200).nullable().optional().describe('The operating external organization, by name'),
  status: looseEnum(LIFECYCLE_STATUSES).optional(),
  tags: ZTags.optional(),
  confidentiality: ZLevelInput,
  integrity: ZLevelInput,
  availability: ZLevelInput,
});

const ZOrganizationDraft = z.strictObject({
  ...ZCreateExternalOrganization.shape,
  relationshipTypes: z
    .array(looseEnum(RELATIONSHIP_TYPES))
    .min(1)
    .transform((types) => [...new Set(types)]),
  criticality: z.preprocess((value) => (typeof value === 'string' ? criticalityOf(value) : value), z.number().int().min(1).max(4)).optional(),
  contacts: ZCreateExternalOrganization.shape.contacts.removeDefault().optional(),
  contractStart: ZCreateExternalOrganization.shape.contractStart.removeDefault().optional(),
  contractEnd: ZCreateExternalOrganization.shape.contractEnd.removeDefault().optional(),
  country: ZCreateExternalOrganization.shape.country.removeDefault().optional(),
  website: ZCreateExternalOrganization.shape.website.removeDefault().optional(),
  notes: ZCreateExternalOrganization.shape.notes.removeDefault().optional(),
  tags: ZTags.optional(),
  externalId: ZCreateExternalOrganization.shape.externalId.removeDefault().optional(),
});

const ZDependencyDraft = z.strictObject({
  source: z.string().trim().min(1, 'required').max(500),
  target: z.string().trim().min(1, 'required').max(500),
  type: looseEnum(DEPENDENCY_TYPES).default('depends-on'),
  description: z.string().trim().max(10_000).nullable().optional(),
});

const CRITICALITY_NAMES: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
function criticalityOf(value: string): number | string {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return CRITICALITY_NAMES[trimmed.toLowerCase()] ?? value;
}

function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'unknown field' }));
    const field = issue.path.map(String).join('.');
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message;
    return [{ field, message }];
  });
}

/** A level by number (1 = lowest) or by name (case-insensitive) on the tenant's scale. */
export function levelOf(scale: ProtectionScale, value: number | string | null | undefined): { ok: true; value: number | null | undefined } | { ok: false; message: string } {
  if (value === undefined || value === null) return { ok: true, value };
  const top = scale.levels.length;
  const names = scale.levels.map((level) => level.name).join(', ');
  const text = typeof value === 'string' ? value.trim() : value;
  if (text === '') return { ok: true, value: null };
  const number = typeof text === 'number' ? text : /^\d+$/.test(text) ? Number(text) : undefined;
  if (number !== undefined) {
    return Number.isInteger(number) && number >= 1 && number <= top ? { ok: true, value: number } : { ok: false, message: `${number} is not a level of the protection scale (1–${top})` };
  }
  const level = scale.levels.find((l) => l.name.toLowerCase() === String(text).toLowerCase());
  return level ? { ok: true, value: level.value } : { ok: false, message: `"${String(text)}" is not a level of the protection scale (1–${top} or ${names})` };
}

export function draftAsset(input: unknown, scale: ProtectionScale): Result<AssetDraft> {
  const parsed = ZAssetDraft.safeParse(input);
  const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error);
  // Levels and keys are checked even when other fields failed, so one pass reports every problem of the record.
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const levels: Partial<Record<'confidentiality' | 'integrity' | 'availability', number | null>> = {};
  for (const field of ['confidentiality', 'integrity', 'availability'] as const) {
    if (problems.some((p) => p.field === field)) continue;
    const value = raw[field];
    const level = levelOf(scale, typeof value === 'number' || typeof value === 'string' || value === null ? value : undefined);
    if (!level.ok) problems.push({ field, message: level.message });
    else if (level.value !== undefined) levels[field] = level.value;
  }
  const ids = (typeof raw.externalIds === 'object' && raw.externalIds !== null ? raw.externalIds : {}) as Record<string, unknown>;
  if (!problems.some((p) => p.field.startsWith('externalIds')) && !['cmdbId', 'purl', 'cpe', 'other'].some((key) => typeof ids[key] === 'string' && (ids[key] as string).trim() !== '')) {
    problems.push({ field: 'externalIds', message: 'at least one external id (cmdbId, purl, cpe or other) is needed to match on re-import' });
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const { confidentiality: _c, integrity: _i, availability: _a, ...rest } = parsed.data;
  return { ok: true, value: { ...(rest as Omit<AssetDraft, 'confidentiality' | 'integrity' | 'availability'>), ...levels } };
}

export function draftOrganization(input: unknown): Result<OrganizationDraft> {
  const parsed = ZOrganizationDraft.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const value = parsed.data;
  if (value.contractStart && value.contractEnd && value.contractEnd < value.contractStart) return { ok: false, problems: [{ field: 'contractEnd', message: 'before contractStart' }] };
  return { ok: true, value: value as OrganizationDraft };
}

export function draftDependency(input: unknown): Result<DependencyDraft> {
  const parsed = ZDependencyDraft.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  if (parsed.data.source === parsed.data.target) return { ok: false, problems: [{ field: 'target', message: 'same as the source' }] };
  return { ok: true, value: parsed.data as DependencyDraft };
}
