import { z } from 'zod';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { ZCriteriaDefinition } from './criteria.definition.ts';
import { CRITERIA_TEMPLATES } from './criteria.templates.ts';

export const ZCriteriaSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  version: z.number().int().describe('The current version'),
  isDefault: z.boolean().describe('Used for new assessments'),
  sourceId: z.string().nullable().describe('Where an imported set came from (e.g. a CISO Assistant matrix URN)'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZCriteria = ZCriteriaSummary.extend({
  shownVersion: z.number().int().describe('The version this document shows (the current one unless asked)'),
  definition: ZCriteriaDefinition,
  versionCreatedBy: z.string(),
  versionCreatedAt: z.iso.datetime(),
});

export const ZCriteriaList = z.object({ items: z.array(ZCriteriaSummary) });

export const ZCreateCriteria = z
  .strictObject({
    template: z.enum(CRITERIA_TEMPLATES).optional().describe('Start from a built-in matrix…'),
    definition: ZCriteriaDefinition.optional().describe('…or give the whole definition'),
    name: z.string().trim().min(1).max(100).optional().describe('With a template: the name to give the copy'),
    makeDefault: z.boolean().default(false).describe('Use for new assessments (the first set always is)'),
  })
  .superRefine((input, ctx) => {
    if ((input.template === undefined) === (input.definition === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'give either a template or a definition' });
    }
    if (input.name !== undefined && input.definition !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'with a definition, the name is definition.name' });
    }
  });

export const ZReviseCriteria = z.strictObject({
  definition: ZCriteriaDefinition,
  basedOn: z.number().int().positive().describe('The version you edited; another revision since → 409 VERSION_CONFLICT'),
});

export const CRITERIA_FORMATS = ['bulwark', 'ciso-assistant'] as const;
export const ZImportCriteria = z.strictObject({
  format: z.enum(CRITERIA_FORMATS).describe('bulwark: a criteria export (JSON); ciso-assistant: a library YAML with risk matrices'),
  content: z.string().min(1).max(2_000_000).describe('The file’s text'),
});
export const ZImportResult = z.object({
  items: z.array(z.object({ criteria: ZCriteriaSummary, created: z.boolean().describe('false: a new version of a set imported before') })),
  notes: z.array(z.string()).describe('What the import had to assume'),
});

export const ZCriteriaParams = ZOrgParams.extend({ criteriaId: z.uuid() });
export const ZCriteriaVersionParams = ZCriteriaParams.extend({ version: z.coerce.number().int().positive() });
export const ZExportQuery = z.strictObject({
  format: z.enum(CRITERIA_FORMATS).default('bulwark'),
  version: z.coerce.number().int().positive().optional(),
});

/** Bulwark's own export: one version of one criteria set, importable anywhere. */
export const BULWARK_CRITERIA_FORMAT = 'bulwark-risk-criteria';
export const ZCriteriaFile = z.strictObject({
  format: z.literal(BULWARK_CRITERIA_FORMAT),
  formatVersion: z.literal(1),
  name: z.string(),
  version: z.number().int().positive(),
  exportedAt: z.iso.datetime(),
  definition: ZCriteriaDefinition,
});

export type TCriteriaSummary = z.infer<typeof ZCriteriaSummary>;
export type TCriteria = z.infer<typeof ZCriteria>;
export type TCreateCriteria = z.infer<typeof ZCreateCriteria>;
export type TReviseCriteria = z.infer<typeof ZReviseCriteria>;
export type TImportCriteria = z.infer<typeof ZImportCriteria>;
export type TImportResult = z.infer<typeof ZImportResult>;
