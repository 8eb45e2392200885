import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { conflict, notFound, unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { assertVersion } from '../inventory/write-kit.ts';
import { newId } from '../platform/util/ids.ts';
import { ASSUMED_ACCEPTANCE, LibraryFormatError, readCisoAssistantLibrary, writeCisoAssistantLibrary } from './criteria-ciso-assistant.ts';
import { ZCriteriaDefinition, type TCriteriaDefinition, type TCriteriaInput } from './criteria.definition.ts';
import {
  BULWARK_CRITERIA_FORMAT,
  ZCriteriaFile,
  type TCreateCriteria,
  type TCriteria,
  type TCriteriaSummary,
  type TImportCriteria,
  type TImportResult,
  type TReviseCriteria,
} from './criteria.schema.ts';
import { riskCriteria, riskCriteriaVersions } from './criteria.table.ts';
import { criteriaTemplate } from './criteria.templates.ts';

type CriteriaRow = typeof riskCriteria.$inferSelect;

const byId = (orgId: string, id: string) => and(eq(riskCriteria.orgId, orgId), eq(riskCriteria.id, id));

function summarise(row: CriteriaRow): TCriteriaSummary {
  return {
    id: row.id,
    name: row.name,
    version: row.currentVersion,
    isDefault: row.isDefault,
    sourceId: row.sourceId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCriteria(store: Store, access: Pick<OrgAccess, 'orgId'>): Promise<TCriteriaSummary[]> {
  const rows = await store.db
    .select()
    .from(riskCriteria)
    .where(eq(riskCriteria.orgId, access.orgId))
    .orderBy(asc(sql`lower(${riskCriteria.name})`));
  return rows.map(summarise);
}

/** A criteria set with one of its versions (the current one unless `version` is given). */
export async function getCriteria(db: Queryable, access: Pick<OrgAccess, 'orgId'>, id: string, version?: number): Promise<TCriteria> {
  const [row] = await db.select().from(riskCriteria).where(byId(access.orgId, id));
  if (!row) throw notFound('Risk criteria');
  const wanted = version ?? row.currentVersion;
  const [shown] = await db
    .select()
    .from(riskCriteriaVersions)
    .where(
      and(eq(riskCriteriaVersions.orgId, access.orgId), eq(riskCriteriaVersions.criteriaId, id), eq(riskCriteriaVersions.version, wanted)),
    );
  if (!shown) throw notFound(`Version ${wanted} of these risk criteria`);
  return {
    ...summarise(row),
    shownVersion: shown.version,
    definition: shown.definition,
    versionCreatedBy: shown.createdBy,
    versionCreatedAt: shown.createdAt.toISOString(),
  };
}

async function assertNameFree(tx: Queryable, orgId: string, name: string, except: string | null, path: string): Promise<void> {
  const [clash] = await tx
    .select({ id: riskCriteria.id })
    .from(riskCriteria)
    .where(and(eq(riskCriteria.orgId, orgId), sql`lower(${riskCriteria.name}) = lower(${name})`));
  if (clash && clash.id !== except) throw conflict(`Risk criteria named "${name}" already exist`, path);
}

async function insertCriteria(
  tx: Queryable,
  access: OrgAccess,
  definition: TCriteriaDefinition,
  options: { makeDefault: boolean; sourceId: string | null; path: string },
): Promise<CriteriaRow> {
  await assertNameFree(tx, access.orgId, definition.name, null, options.path);
  const [existing] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(riskCriteria)
    .where(eq(riskCriteria.orgId, access.orgId));
  // The first set an organization makes is its default: assessments always have criteria to use.
  const isDefault = options.makeDefault || existing?.n === 0;
  if (isDefault)
    await tx
      .update(riskCriteria)
      .set({ isDefault: false })
      .where(and(eq(riskCriteria.orgId, access.orgId), eq(riskCriteria.isDefault, true)));
  const now = new Date();
  const [row] = await tx
    .insert(riskCriteria)
    .values({
      orgId: access.orgId,
      id: newId(),
      name: definition.name,
      currentVersion: 1,
      isDefault,
      sourceId: options.sourceId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx
    .insert(riskCriteriaVersions)
    .values({ orgId: access.orgId, criteriaId: row!.id, version: 1, definition, createdBy: access.actor.label, createdAt: now });
  await appendAudit(tx, access.orgId, {
    actor: access.actor,
    requestId: access.requestId,
    action: 'risk-criteria.created',
    targetType: 'risk-criteria',
    targetId: row!.id,
    after: definition,
    summary: {
      name: definition.name,
      size: `${definition.likelihood.length}×${definition.consequence.length}`,
      levels: definition.levels.length,
      isDefault,
    },
  });
  return row!;
}

async function addVersion(
  tx: Queryable,
  access: OrgAccess,
  row: CriteriaRow,
  definition: TCriteriaDefinition,
  path: string,
): Promise<CriteriaRow> {
  await assertNameFree(tx, access.orgId, definition.name, row.id, path);
  const version = row.currentVersion + 1;
  const now = new Date();
  await tx
    .insert(riskCriteriaVersions)
    .values({ orgId: access.orgId, criteriaId: row.id, version, definition, createdBy: access.actor.label, createdAt: now });
  const [updated] = await tx
    .update(riskCriteria)
    .set({ name: definition.name, currentVersion: version, updatedAt: now })
    .where(byId(access.orgId, row.id))
    .returning();
  await appendAudit(tx, access.orgId, {
    actor: access.actor,
    requestId: access.requestId,
    action: 'risk-criteria.revised',
    targetType: 'risk-criteria',
    targetId: row.id,
    after: definition,
    summary: { name: definition.name, version },
  });
  return updated!;
}

export async function createCriteria(store: Store, access: OrgAccess, input: TCreateCriteria): Promise<TCriteria> {
  const definition = input.template
    ? { ...criteriaTemplate(input.template), ...(input.name ? { name: input.name } : {}) }
    : input.definition!;
  return store.db.transaction(async (tx) => {
    const row = await insertCriteria(tx, access, definition, {
      makeDefault: input.makeDefault,
      sourceId: null,
      path: input.template ? 'body.name' : 'body.definition.name',
    });
    return getCriteria(tx, access, row.id);
  });
}

/** Adds a version. Past versions stay as they were: assessments made with them keep their meaning. */
export async function reviseCriteria(store: Store, access: OrgAccess, id: string, input: TReviseCriteria): Promise<TCriteria> {
  return store.db.transaction(async (tx) => {
    const [row] = await tx.select().from(riskCriteria).where(byId(access.orgId, id)).for('update');
    if (!row) throw notFound('Risk criteria');
    assertVersion('risk criteria', row.currentVersion, input.basedOn);
    await addVersion(tx, access, row, input.definition, 'body.definition.name');
    return getCriteria(tx, access, id);
  });
}

export async function makeDefaultCriteria(store: Store, access: OrgAccess, id: string): Promise<TCriteria> {
  return store.db.transaction(async (tx) => {
    const [row] = await tx.select().from(riskCriteria).where(byId(access.orgId, id)).for('update');
    if (!row) throw notFound('Risk criteria');
    if (!row.isDefault) {
      await tx
        .update(riskCriteria)
        .set({ isDefault: false })
        .where(and(eq(riskCriteria.orgId, access.orgId), eq(riskCriteria.isDefault, true)));
      await tx.update(riskCriteria).set({ isDefault: true, updatedAt: new Date() }).where(byId(access.orgId, id));
      await appendAudit(tx, access.orgId, {
        actor: access.actor,
        requestId: access.requestId,
        action: 'risk-criteria.made-default',
        targetType: 'risk-criteria',
        targetId: id,
        summary: { name: row.name },
      });
    }
    return getCriteria(tx, access, id);
  });
}

/** Checks a definition read from a file; every problem is reported with its path inside the file. */
function checkDefinition(input: TCriteriaInput, prefix: string): TCriteriaDefinition {
  const parsed = ZCriteriaDefinition.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: FieldIssue[] = parsed.error.issues.map((issue) => ({ path: [prefix, ...issue.path].join('.'), message: issue.message }));
  throw unprocessable('The risk criteria in the file are not valid; nothing was imported', errors);
}

interface Incoming {
  sourceId: string | null;
  definition: TCriteriaDefinition;
}

function readImport(input: TImportCriteria): { incoming: Incoming[]; notes: string[] } {
  if (input.format === 'ciso-assistant') {
    let matrices;
    try {
      matrices = readCisoAssistantLibrary(input.content);
    } catch (error) {
      if (error instanceof LibraryFormatError) throw unprocessable(error.message, error.errors);
      throw error;
    }
    const incoming = matrices.map((matrix, i) => ({
      sourceId: matrix.sourceId,
      definition: checkDefinition(matrix.definition, `content.objects.risk_matrix.${i}`),
    }));
    return {
      incoming,
      notes: [`CISO Assistant matrices carry no acceptance rules; proposed: ${ASSUMED_ACCEPTANCE}. Review them before accepting risks.`],
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(input.content);
  } catch {
    throw unprocessable('The file is not JSON', [{ path: 'content', message: 'not valid JSON' }]);
  }
  const parsed = ZCriteriaFile.safeParse(document);
  if (!parsed.success) {
    throw unprocessable(
      `The file is not a Bulwark risk criteria export ("format": "${BULWARK_CRITERIA_FORMAT}")`,
      parsed.error.issues.map((issue) => ({ path: ['content', ...issue.path].join('.'), message: issue.message })),
    );
  }
  return { incoming: [{ sourceId: null, definition: parsed.data.definition }], notes: [] };
}

/**
 * Imports every criteria set in the file, all or nothing. A CISO Assistant matrix imported before (same URN)
 * gets a new version instead of a second set, so re-importing an updated library keeps assessments' links.
 */
export async function importCriteria(store: Store, access: OrgAccess, input: TImportCriteria): Promise<TImportResult> {
  const { incoming, notes } = readImport(input);
  return store.db.transaction(async (tx) => {
    const items: TImportResult['items'] = [];
    for (const [i, item] of incoming.entries()) {
      const path = `content.${input.format === 'ciso-assistant' ? `objects.risk_matrix.${i}` : 'definition'}.name`;
      const [previous] = item.sourceId
        ? await tx
            .select()
            .from(riskCriteria)
            .where(and(eq(riskCriteria.orgId, access.orgId), eq(riskCriteria.sourceId, item.sourceId)))
            .for('update')
        : [];
      const row = previous
        ? await addVersion(tx, access, previous, item.definition, path)
        : await insertCriteria(tx, access, item.definition, { makeDefault: false, sourceId: item.sourceId, path });
      items.push({ criteria: summarise(row), created: !previous });
    }
    return { items, notes };
  });
}

export interface CriteriaExport {
  filename: string;
  contentType: string;
  body: string;
}

export async function exportCriteria(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  id: string,
  format: 'bulwark' | 'ciso-assistant',
  version?: number,
): Promise<CriteriaExport> {
  const criteria = await getCriteria(store.db, access, id, version);
  const base = criteria.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'risk-criteria';
  if (format === 'ciso-assistant') {
    const body = writeCisoAssistantLibrary(criteria.definition, {
      version: criteria.shownVersion,
      publishedOn: criteria.versionCreatedAt.slice(0, 10),
    });
    return { filename: `${base}-v${criteria.shownVersion}.yaml`, contentType: 'application/yaml; charset=utf-8', body };
  }
  const file = {
    format: BULWARK_CRITERIA_FORMAT,
    formatVersion: 1,
    name: criteria.name,
    version: criteria.shownVersion,
    exportedAt: new Date().toISOString(),
    definition: criteria.definition,
  };
  return {
    filename: `${base}-v${criteria.shownVersion}.json`,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify(file, null, 2)}\n`,
  };
}
