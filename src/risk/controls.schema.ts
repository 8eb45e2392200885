import { z } from 'zod';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import {
  CONTROL_STATUSES,
  CONTROL_TYPES,
  CYBERSECURITY_CONCEPTS,
  OPERATIONAL_CAPABILITIES,
  SECURITY_DOMAINS,
  SECURITY_PROPERTIES,
} from './control-attributes.ts';

const set = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, 'lists a value twice');

export const ZControlAttributes = z.strictObject({
  controlTypes: set(CONTROL_TYPES).default([]).describe('Preventive, detective, corrective'),
  properties: set(SECURITY_PROPERTIES).default([]).describe('The information security properties it protects'),
  concepts: set(CYBERSECURITY_CONCEPTS).default([]).describe('Identify, protect, detect, respond, recover'),
  capabilities: set(OPERATIONAL_CAPABILITIES).default([]).describe('Operational capabilities'),
  domains: set(SECURITY_DOMAINS).default([]).describe('Security domains'),
});

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZMoney = z.number().min(0).max(1e12).multipleOf(0.01);

const fields = {
  refId: ZText(50).nullable().describe('Your own reference, e.g. "AC-12"; unique when given'),
  title: ZText(300),
  description: ZText(10_000).nullable(),
  owner: ZText(300).nullable().describe('Who answers for it: free text (a person, team or role)'),
  status: z.enum(CONTROL_STATUSES),
  dueDate: z.iso.date().nullable().describe('When it is to be in place (YYYY-MM-DD)'),
  oneOffCost: ZMoney.nullable(),
  yearlyCost: ZMoney.nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
    .nullable(),
  effectiveness: z.number().int().min(0).max(100).nullable().describe('Share of the addressed risk it removes when in place, %'),
  attributes: ZControlAttributes,
  tags: z.array(ZText(100)).max(50),
};

export const ZCreateControl = z.strictObject({
  refId: fields.refId.optional(),
  title: fields.title,
  description: fields.description.optional(),
  owner: fields.owner.optional(),
  status: fields.status.default('planned'),
  dueDate: fields.dueDate.optional(),
  oneOffCost: fields.oneOffCost.optional(),
  yearlyCost: fields.yearlyCost.optional(),
  currency: fields.currency.optional(),
  effectiveness: fields.effectiveness.optional(),
  attributes: fields.attributes.default({ controlTypes: [], properties: [], concepts: [], capabilities: [], domains: [] }),
  tags: fields.tags.default([]),
});

export const ZUpdateControl = z.strictObject({
  refId: fields.refId.optional(),
  title: fields.title.optional(),
  description: fields.description.optional(),
  owner: fields.owner.optional(),
  status: fields.status.optional(),
  dueDate: fields.dueDate.optional(),
  oneOffCost: fields.oneOffCost.optional(),
  yearlyCost: fields.yearlyCost.optional(),
  currency: fields.currency.optional(),
  effectiveness: fields.effectiveness.optional(),
  attributes: fields.attributes.optional(),
  tags: fields.tags.optional(),
  version: z.number().int().positive().optional().describe('The version you read (or send If-Match); a stale one → 409 VERSION_CONFLICT'),
});

export const ZControl = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  owner: z.string().nullable(),
  status: z.enum(CONTROL_STATUSES),
  dueDate: z.string().nullable(),
  overdue: z.boolean().describe('Due date passed and not yet implemented'),
  oneOffCost: z.number().nullable(),
  yearlyCost: z.number().nullable(),
  currency: z.string().nullable(),
  effectiveness: z.number().int().nullable(),
  attributes: z.object({
    controlTypes: z.array(z.enum(CONTROL_TYPES)),
    properties: z.array(z.enum(SECURITY_PROPERTIES)),
    concepts: z.array(z.enum(CYBERSECURITY_CONCEPTS)),
    capabilities: z.array(z.enum(OPERATIONAL_CAPABILITIES)),
    domains: z.array(z.enum(SECURITY_DOMAINS)),
  }),
  tags: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZControlQuery = z.strictObject({
  status: z.enum(CONTROL_STATUSES).optional(),
  concept: z.enum(CYBERSECURITY_CONCEPTS).optional(),
  capability: z.enum(OPERATIONAL_CAPABILITIES).optional(),
  owner: z.string().trim().min(1).max(300).optional().describe('Exact owner'),
  overdue: z.stringbool().optional().describe('Only controls past their due date and not yet implemented'),
  q: z.string().trim().min(1).max(200).optional().describe('Part of the title or the reference'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const ZControlList = z.object({
  items: z.array(ZControl).describe('By title'),
  truncated: z.boolean().describe('true when limit cut the list'),
});
export const ZControlParams = ZOrgParams.extend({ controlId: z.uuid() });

export type TCreateControl = z.infer<typeof ZCreateControl>;
export type TUpdateControl = z.infer<typeof ZUpdateControl>;
export type TControl = z.infer<typeof ZControl>;
export type TControlQuery = z.infer<typeof ZControlQuery>;
