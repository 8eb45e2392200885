import { and, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { conflict, notFound, unprocessable } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { assets } from '../inventory/inventory.table.ts';
import { rowsOf } from '../inventory/sql-rows.ts';
import { assertVersion, changedFields, definedOnly } from '../inventory/write-kit.ts';
import { CvssError, scoreCvss } from './cvss.ts';
import { assertNotNamedByScenarios } from './scenario-usage.ts';
import { presentVulnerabilities, type VulnerabilityRow } from './vulnerabilities.read.ts';
import type { TCreateVulnerability, TUpdateVulnerability, TVulnerability } from './vulnerabilities.schema.ts';
import { vulnerabilities as v, vulnerabilityAssets as va } from './vulnerabilities.table.ts';

export { getVulnerability, listVulnerabilities } from './vulnerabilities.read.ts';

const byId = (orgId: string, id: string) => and(eq(v.orgId, orgId), eq(v.id, id));

/** Version, score and severity from the vector: always computed, never taken from the client. */
function cvssColumns(vector: string | null): Pick<VulnerabilityRow, 'cvssVector' | 'cvssVersion' | 'cvssScore' | 'cvssSeverity'> {
  if (vector === null) return { cvssVector: null, cvssVersion: null, cvssScore: null, cvssSeverity: null };
  try {
    const score = scoreCvss(vector);
    return { cvssVector: score.vector, cvssVersion: score.version, cvssScore: score.baseScore, cvssSeverity: score.severity };
  } catch (error) {
    if (error instanceof CvssError)
      throw unprocessable(`The CVSS vector cannot be scored: ${error.message}`, [{ path: 'body.cvssVector', message: error.message }]);
    throw error;
  }
}

/** A CVE id is unique in the organization (409 naming the field). */
async function assertUniqueCve(tx: Queryable, orgId: string, cveId: string | null, except: string | null): Promise<void> {
  if (cveId === null) return;
  const [clash] = await tx
    .select({ id: v.id })
    .from(v)
    .where(and(eq(v.orgId, orgId), eq(v.cveId, cveId)));
  if (clash && clash.id !== except) throw conflict(`A vulnerability for ${cveId} already exists`, 'body.cveId');
}

/**
 * Every asset must be the organization's (422 naming body.assetIds.N). The rows are share-locked, so an asset
 * deleted concurrently cannot leave a link behind: its deletion waits for this transaction.
 */
async function assertAssets(tx: Queryable, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.orgId, orgId), inArray(assets.id, [...ids])))
    .for('share');
  const known = new Set(found.map((row) => row.id));
  const errors = ids.flatMap((id, index) =>
    known.has(id) ? [] : [{ path: `body.assetIds.${index}`, message: 'no such asset in this organization' }],
  );
  if (errors.length > 0) throw unprocessable(`${errors.length} of the assets do not exist in this organization`, errors);
}

async function linkAssets(
  tx: Queryable,
  orgId: string,
  vulnerabilityId: string,
  add: readonly string[],
  remove: readonly string[],
): Promise<void> {
  if (remove.length > 0)
    await tx.delete(va).where(and(eq(va.orgId, orgId), eq(va.vulnerabilityId, vulnerabilityId), inArray(va.assetId, [...remove])));
  if (add.length > 0) await tx.insert(va).values(add.map((assetId) => ({ orgId, vulnerabilityId, assetId })));
}

async function audit(
  tx: Queryable,
  access: OrgAccess,
  action: string,
  row: VulnerabilityRow,
  extra: { before?: unknown; summary?: Record<string, unknown> } = {},
) {
  await appendAudit(tx, access.orgId, {
    actor: access.actor,
    requestId: access.requestId,
    action,
    targetType: 'vulnerability',
    targetId: row.id,
    ...(action === 'vulnerability.deleted' ? {} : { after: row }),
    ...extra,
    summary: { cveId: row.cveId, title: row.title, ...extra.summary },
  });
}

export async function createVulnerability(store: Store, access: OrgAccess, input: TCreateVulnerability): Promise<TVulnerability> {
  return store.db.transaction(async (tx) => {
    const title = input.title ?? input.cveId ?? null;
    if (title === null)
      throw unprocessable('A vulnerability without a CVE id needs a title', [{ path: 'body.title', message: 'required without cveId' }]);
    const now = new Date();
    const row: VulnerabilityRow = {
      orgId: access.orgId,
      id: newId(),
      cveId: input.cveId ?? null,
      title,
      description: input.description ?? null,
      ...cvssColumns(input.cvssVector ?? null),
      epssScore: input.epssScore ?? null,
      epssPercentile: input.epssPercentile ?? null,
      epssDate: input.epssDate ?? null,
      status: input.status,
      tags: input.tags,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await assertUniqueCve(tx, access.orgId, row.cveId, null);
    await assertAssets(tx, access.orgId, input.assetIds);
    await tx.insert(v).values(row);
    await linkAssets(tx, access.orgId, row.id, input.assetIds, []);
    await audit(tx, access, 'vulnerability.created', row, { summary: { assets: input.assetIds.length } });
    return (await presentVulnerabilities(tx, access.orgId, [row]))[0]!;
  });
}

/** Changes a vulnerability; `assetIds` replaces its assets. With `expectedVersion`, only that version (else 409). */
export async function updateVulnerability(
  store: Store,
  access: OrgAccess,
  id: string,
  patch: Omit<TUpdateVulnerability, 'version'>,
  expectedVersion: number | undefined,
): Promise<TVulnerability> {
  return store.db.transaction(async (tx) => {
    const [current] = await tx.select().from(v).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Vulnerability');
    assertVersion('vulnerability', current.version, expectedVersion);
    const { assetIds, cvssVector, ...rest } = patch;
    const defined: Partial<VulnerabilityRow> = {
      ...(definedOnly(rest) as Partial<VulnerabilityRow>),
      ...(cvssVector !== undefined ? cvssColumns(cvssVector) : {}),
    };
    const changed: string[] = changedFields(current, defined);
    const linked = (
      await tx
        .select({ assetId: va.assetId })
        .from(va)
        .where(and(eq(va.orgId, access.orgId), eq(va.vulnerabilityId, id)))
    ).map((row) => row.assetId);
    const add = assetIds?.filter((assetId) => !linked.includes(assetId)) ?? [];
    const remove = assetIds ? linked.filter((assetId) => !assetIds.includes(assetId)) : [];
    if (add.length > 0 || remove.length > 0) changed.push('assetIds');
    if (changed.length === 0) return (await presentVulnerabilities(tx, access.orgId, [current]))[0]!;
    const next: VulnerabilityRow = { ...current, ...defined, version: current.version + 1, updatedAt: new Date() };
    await assertUniqueCve(tx, access.orgId, next.cveId, id);
    await assertAssets(tx, access.orgId, assetIds ?? []);
    await tx.update(v).set(next).where(byId(access.orgId, id));
    await linkAssets(tx, access.orgId, id, add, remove);
    await audit(tx, access, 'vulnerability.updated', next, {
      before: current,
      summary: { changed, assetsAdded: add.length, assetsRemoved: remove.length },
    });
    return (await presentVulnerabilities(tx, access.orgId, [next]))[0]!;
  });
}

/** Deletes a vulnerability and its asset links, unless a risk scenario still names it. */
export async function deleteVulnerability(store: Store, access: OrgAccess, id: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    const [current] = await tx.select().from(v).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Vulnerability');
    await assertNotNamedByScenarios(tx, access.orgId, id, `vulnerability "${current.title}"`);
    await tx.delete(v).where(byId(access.orgId, id));
    await audit(tx, access, 'vulnerability.deleted', current, { before: current });
  });
}

/**
 * For asset deletion, inside its transaction: removes the asset from every vulnerability it was linked to and
 * returns how many links went (the caller's audit entry says so).
 */
export async function unlinkAssetFromVulnerabilities(tx: Queryable, orgId: string, assetId: string): Promise<number> {
  const rows = await rowsOf<{ vulnerability_id: string }>(
    tx,
    sql`delete from vulnerability_assets where org_id = ${orgId} and asset_id = ${assetId} returning vulnerability_id`,
  );
  return rows.length;
}
