import { and, eq, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/store.ts';
import type { AssetUpsert } from '../assets-batch.ts';
import { EXTERNAL_ID_COLUMNS, assetColumns, fieldsOfPatch, type AssetRow } from '../assets-row.ts';
import { anyOf } from '../batch-sql.ts';
import type { ExternalOrganizationUpsert } from '../external-orgs-batch.ts';
import { definedOnly } from '../write-kit.ts';
import { assets, dependencies, externalOrganizations } from '../inventory.table.ts';
import type { DependencyType } from '../vocabulary.ts';
import { changedFields } from '../write-kit.ts';
import type { AssetDraft, DependencyDraft, Drafted, ImportIssue, ParsedImport, RecordOrigin } from './import-types.ts';

/**
 * Compares a parsed file with the store, without writing: resolves operators and dependency ends (in the
 * file first, then in the inventory), finds what each record would create, update or leave unchanged, and
 * reports the problems only the store reveals (unknown references, keys used twice, a record matching two
 * assets), each with its record's line or path. The import job runs the same plan inside its transaction.
 */

export interface ChangeCounts {
  create: number;
  update: number;
  unchanged: number;
}

/** A node a dependency end or an operator resolves to: in the store already, or a record of this file. */
export type NodeRef = { id: string } | { asset: number } | { organization: number };

export interface PlannedDependency extends RecordOrigin {
  source: NodeRef;
  target: NodeRef;
  type: DependencyType;
  description?: string | null | undefined;
  /** The record as the file gave it (ends by external id or name), for previews. */
  draft: DependencyDraft;
}

export interface PlannedAsset extends RecordOrigin {
  item: Omit<AssetUpsert, 'operatorId'>;
  /** undefined: the file says nothing about the operator; null: the tenant's own. */
  operator: NodeRef | null | undefined;
  /** The record as the file gave it (operator by name), for previews. */
  draft: AssetDraft;
}

export interface ImportPlan {
  organizations: (RecordOrigin & { item: ExternalOrganizationUpsert })[];
  assets: PlannedAsset[];
  dependencies: PlannedDependency[];
  /** The parser's issues and the store's, in the file's order of records. */
  issues: ImportIssue[];
  /** Records left out: the parser's invalid ones and those the store refuted. */
  invalid: number;
  counts: { externalOrganizations: ChangeCounts; assets: ChangeCounts; dependencies: ChangeCounts };
}

type OrgRow = typeof externalOrganizations.$inferSelect;
const where = (origin: RecordOrigin): string => (origin.line !== null ? `line ${origin.line}` : origin.path);
const issueAt = (origin: RecordOrigin, field: string | null, message: string): ImportIssue => ({
  line: origin.line,
  path: field ? `${origin.path}.${field}` : origin.path,
  message,
});
const zero = (): ChangeCounts => ({ create: 0, update: 0, unchanged: 0 });

export async function planImport(tx: Queryable, orgId: string, parsed: ParsedImport): Promise<ImportPlan> {
  const issues: ImportIssue[] = [];
  const refused = new Set<RecordOrigin>();
  const refuse = (origin: RecordOrigin, field: string | null, message: string): void => {
    issues.push(issueAt(origin, field, message));
    refused.add(origin);
  };
  const counts = { externalOrganizations: zero(), assets: zero(), dependencies: zero() };

  // External organizations: matched on external id, then name (as upsertExternalOrganizations does).
  const existingOrgs = await tx.select().from(externalOrganizations).where(eq(externalOrganizations.orgId, orgId));
  const storeOrgByName = new Map(existingOrgs.map((row) => [row.name.toLowerCase(), row]));
  const storeOrgByExternalId = new Map(existingOrgs.filter((row) => row.externalId).map((row) => [row.externalId!, row]));
  const fileOrgByName = new Map<string, number>();
  const fileOrgByExternalId = new Map<string, RecordOrigin>();
  const claimedOrgs = new Map<string, RecordOrigin>();
  const organizations: ImportPlan['organizations'] = [];
  const orgIdOf: (string | null)[] = [];
  for (const record of parsed.organizations) {
    const { mergeRelationshipTypes, ...value } = record.value;
    const nameKey = value.name.toLowerCase();
    if (fileOrgByName.has(nameKey)) {
      refuse(record, 'name', `the organization ${value.name} appears twice in the file (also at ${where(organizations[fileOrgByName.get(nameKey)!]!)})`);
      continue;
    }
    if (value.externalId && fileOrgByExternalId.has(value.externalId)) {
      refuse(record, 'externalId', `external id ${value.externalId} is also at ${where(fileOrgByExternalId.get(value.externalId)!)}`);
      continue;
    }
    const current: OrgRow | undefined = (value.externalId ? storeOrgByExternalId.get(value.externalId) : undefined) ?? storeOrgByName.get(nameKey);
    const namesake = storeOrgByName.get(nameKey);
    if (current && namesake && namesake.id !== current.id) {
      refuse(record, 'name', `another organization is named ${namesake.name}`);
      continue;
    }
    if (current && claimedOrgs.has(current.id)) {
      refuse(record, null, `the same organization as ${where(claimedOrgs.get(current.id)!)}`);
      continue;
    }
    const item: ExternalOrganizationUpsert = { ...value };
    if (mergeRelationshipTypes && current) item.relationshipTypes = [...new Set([...current.relationshipTypes, ...value.relationshipTypes])] as typeof item.relationshipTypes;
    if (current) {
      claimedOrgs.set(current.id, record);
      counts.externalOrganizations[changedFields(current, definedOnly(item) as Partial<OrgRow>).length > 0 ? 'update' : 'unchanged']++;
    } else counts.externalOrganizations.create++;
    fileOrgByName.set(nameKey, organizations.length);
    if (value.externalId) fileOrgByExternalId.set(value.externalId, record);
    orgIdOf.push(current?.id ?? null);
    organizations.push({ line: record.line, path: record.path, item });
  }
  const organizationNamed = (name: string): NodeRef | undefined => {
    const inFile = fileOrgByName.get(name.toLowerCase());
    if (inFile !== undefined) return { organization: inFile };
    const stored = storeOrgByName.get(name.toLowerCase());
    return stored ? { id: stored.id } : undefined;
  };

  // Assets: keys unique in the file, each record matching at most one asset, operators that exist.
  const seenKeys = new Map<string, RecordOrigin>();
  const candidates: Drafted<AssetDraft>[] = [];
  for (const record of parsed.assets) {
    let ok = true;
    for (const c of EXTERNAL_ID_COLUMNS) {
      const value = record.value.externalIds[c.field];
      if (!value) continue;
      const other = seenKeys.get(`${c.field}\u0000${value}`);
      if (other) {
        refuse(record, parsed.format === 'csv' ? c.field : `externalIds.${c.field}`, `${c.field} ${value} is also at ${where(other)}`);
        ok = false;
      }
    }
    if (!ok) continue;
    for (const c of EXTERNAL_ID_COLUMNS) if (record.value.externalIds[c.field]) seenKeys.set(`${c.field}\u0000${record.value.externalIds[c.field]}`, record);
    candidates.push(record);
  }
  const matches = await storedAssetsByKey(tx, orgId, candidates.map((record) => record.value.externalIds));
  const claimedAssets = new Map<string, RecordOrigin>();
  const plannedAssets: PlannedAsset[] = [];
  const assetIdOf: (string | null)[] = [];
  for (const record of candidates) {
    const { operator: operatorName, ...item } = record.value;
    let operator: NodeRef | null | undefined = operatorName === undefined ? undefined : null;
    if (operatorName) {
      operator = organizationNamed(operatorName);
      if (!operator) {
        refuse(record, 'operator', `no external organization named "${operatorName}" in the file or the inventory`);
        continue;
      }
    }
    const found = [...new Set(EXTERNAL_ID_COLUMNS.map((c) => item.externalIds[c.field] && matches.get(`${c.field}\u0000${item.externalIds[c.field]}`)).filter((row): row is AssetRow => !!row))];
    if (found.length > 1) {
      refuse(record, 'externalIds', `its external ids match several assets: ${found.map((row) => row.name).join(', ')}`);
      continue;
    }
    const current = found[0];
    if (current && claimedAssets.has(current.id)) {
      refuse(record, 'externalIds', `matches the same asset (${current.name}) as ${where(claimedAssets.get(current.id)!)}`);
      continue;
    }
    if (current) {
      claimedAssets.set(current.id, record);
      const operatorId =
        operator === undefined ? undefined : operator === null ? null : 'id' in operator ? operator.id : 'organization' in operator ? (orgIdOf[operator.organization] ?? 'an organization this import creates') : undefined;
      const patch = fieldsOfPatch({ ...item, ...(operatorId === undefined ? {} : { operatorId }) });
      counts.assets[changedFields(current, patch).length > 0 ? 'update' : 'unchanged']++;
    } else counts.assets.create++;
    assetIdOf.push(current?.id ?? null);
    plannedAssets.push({ line: record.line, path: record.path, item, operator, draft: record.value });
  }

  // Dependencies: ends by an external id of an asset in the file, else in the inventory; targets may name an organization.
  const fileAssetByKey = new Map<string, number>();
  plannedAssets.forEach((asset, i) => {
    for (const c of EXTERNAL_ID_COLUMNS) {
      const value = asset.item.externalIds[c.field];
      if (value && !fileAssetByKey.has(value)) fileAssetByKey.set(value, i);
    }
  });
  const unresolved = [...new Set(parsed.dependencies.flatMap((d) => [d.value.source, d.value.target]).filter((ref) => !fileAssetByKey.has(ref)))];
  const storeAssetsByRef = await storedAssetsByAnyKey(tx, orgId, unresolved);
  const resolveAsset = (ref: string): NodeRef | 'ambiguous' | undefined => {
    const inFile = fileAssetByKey.get(ref);
    if (inFile !== undefined) return { asset: inFile };
    const stored = storeAssetsByRef.get(ref);
    if (!stored) return undefined;
    return stored.length > 1 ? 'ambiguous' : { id: stored[0]! };
  };
  const plannedDependencies: PlannedDependency[] = [];
  for (const record of parsed.dependencies) {
    const draft: DependencyDraft = record.value;
    const source = resolveAsset(draft.source);
    const targetAsset = draft.targetKind === 'organization' ? undefined : resolveAsset(draft.target);
    const target = targetAsset ?? (draft.targetKind === 'asset' ? undefined : organizationNamed(draft.target));
    let ok = true;
    if (source === 'ambiguous' || !source) {
      refuse(record, 'source', source ? `several assets have the external id "${draft.source}"` : `no asset has the external id "${draft.source}" (in the file or the inventory)`);
      ok = false;
    }
    if (target === 'ambiguous' || !target) {
      refuse(record, 'target', target ? `several assets have the external id "${draft.target}"` : `no asset has the external id "${draft.target}" and no external organization is named so (in the file or the inventory)`);
      ok = false;
    }
    if (!ok) continue;
    plannedDependencies.push({ line: record.line, path: record.path, source: source as NodeRef, target: target as NodeRef, type: draft.type, description: draft.description, draft });
  }
  // What the edges would do: existing ones are keyed by (source, target, type) as upsertDependencies does.
  const idOf = (ref: NodeRef): string => {
    if ('id' in ref) return ref.id;
    if ('asset' in ref) return assetIdOf[ref.asset] ?? `a${ref.asset}`;
    return orgIdOf[ref.organization] ?? `o${ref.organization}`;
  };
  const storedSources = [...new Set(plannedDependencies.map((d) => idOf(d.source)).filter((id) => id.includes('-')))];
  const edgeDescriptions = new Map<string, string | null>();
  if (storedSources.length > 0) {
    const rows = await tx
      .select({ sourceId: dependencies.sourceId, targetAssetId: dependencies.targetAssetId, targetOrgId: dependencies.targetOrgId, type: dependencies.type, description: dependencies.description })
      .from(dependencies)
      .where(and(eq(dependencies.orgId, orgId), anyOf('source_id::text', storedSources)));
    for (const row of rows) edgeDescriptions.set(`${row.sourceId}|${row.targetAssetId ?? row.targetOrgId}|${row.type}`, row.description);
  }
  for (const [i, edge] of plannedDependencies.entries()) {
    const source = idOf(edge.source);
    const target = idOf(edge.target);
    if (source === target) {
      refuse(edge, 'target', 'same as the source');
      plannedDependencies[i] = undefined as never;
      continue;
    }
    const key = `${source}|${target}|${edge.type}`;
    if (!edgeDescriptions.has(key)) {
      counts.dependencies.create++;
      edgeDescriptions.set(key, edge.description ?? null);
    } else if (edge.description !== undefined && edge.description !== edgeDescriptions.get(key)) {
      counts.dependencies.update++;
      edgeDescriptions.set(key, edge.description);
    } else counts.dependencies.unchanged++;
  }

  const order = (issue: ImportIssue): number => issue.line ?? 0;
  const allIssues = [...parsed.issues, ...issues];
  if (parsed.format === 'csv') allIssues.sort((a, b) => order(a) - order(b));
  return {
    organizations,
    assets: plannedAssets,
    dependencies: plannedDependencies.filter(Boolean),
    issues: allIssues,
    invalid: parsed.invalid + refused.size,
    counts,
  };
}

/** Stored assets sharing an external id with the given ones, by "field\0value". */
async function storedAssetsByKey(tx: Queryable, orgId: string, ids: readonly AssetDraft['externalIds'][]): Promise<Map<string, AssetRow>> {
  const byKey = new Map<string, AssetRow>();
  const conditions = EXTERNAL_ID_COLUMNS.map((c) => ({ c, values: [...new Set(ids.map((id) => id[c.field]).filter((v): v is string => !!v))] }))
    .filter(({ values }) => values.length > 0)
    .map(({ c, values }) => anyOf(c.sql, values));
  if (conditions.length === 0) return byKey;
  const rows = await tx.select(assetColumns).from(assets).where(and(eq(assets.orgId, orgId), or(...conditions)));
  for (const row of rows) for (const c of EXTERNAL_ID_COLUMNS) if (row[c.column]) byKey.set(`${c.field}\u0000${row[c.column]}`, row);
  return byKey;
}

/** Stored assets by any external id equal to one of `refs`: ref → ids (several when different assets share it in different columns). */
async function storedAssetsByAnyKey(tx: Queryable, orgId: string, refs: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (refs.length === 0) return out;
  const rows = await tx
    .select({ id: assets.id, cmdbId: assets.cmdbId, purl: assets.purl, cpe: assets.cpe, otherId: assets.otherId })
    .from(assets)
    .where(and(eq(assets.orgId, orgId), or(...EXTERNAL_ID_COLUMNS.map((c) => anyOf(c.sql, refs)))));
  const wanted = new Set(refs);
  for (const row of rows) {
    for (const c of EXTERNAL_ID_COLUMNS) {
      const value = row[c.column];
      if (!value || !wanted.has(value)) continue;
      const list = out.get(value) ?? [];
      if (!list.includes(row.id)) list.push(row.id);
      out.set(value, list);
    }
  }
  return out;
}
