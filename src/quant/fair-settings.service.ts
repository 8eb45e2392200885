import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { AppError, unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { riskScenarios } from '../risk/scenarios.table.ts';
import { validateDistribution, type Distribution } from './fair/distributions.ts';
import { FairParameterError } from './fair/errors.ts';
import type { ScenarioAnalysis } from './fair/analysis.ts';
import { driverKeysOf } from './fair/parse-analysis.ts';
import { fairAnalyses, fairSettings, type CurvePointRow, type DriverRow } from './fair.table.ts';
import type { TFairSettings, TFairSettingsInput } from './fair.schema.ts';
import { DEFAULT_SETTINGS, presentSettings, readSettings, type SettingsRow } from './fair-store.ts';

export async function getSettings(store: Store, access: OrgAccess): Promise<TFairSettings> {
  return presentSettings(await readSettings(store.db, access.orgId));
}

/** A curve's points sorted by loss; each loss > 0 and once, probabilities in (0, 1] and not rising with the loss. */
function checkCurve(points: readonly CurvePointRow[], path: string, issues: FieldIssue[]): CurvePointRow[] {
  points.forEach((point, i) => {
    if (!Number.isFinite(point.loss) || point.loss <= 0)
      issues.push({ path: `${path}.${i}.loss`, message: 'must be a loss greater than 0' });
    if (!Number.isFinite(point.probability) || point.probability <= 0 || point.probability > 1)
      issues.push({ path: `${path}.${i}.probability`, message: 'must be a probability in (0, 1]' });
  });
  const sorted = points.map((point, i) => ({ ...point, i })).sort((a, b) => a.loss - b.loss);
  for (let k = 1; k < sorted.length; k++) {
    const [a, b] = [sorted[k - 1]!, sorted[k]!];
    if (a.loss === b.loss) issues.push({ path: `${path}.${b.i}.loss`, message: 'the curve already has a point at this loss' });
    else if (b.probability > a.probability)
      issues.push({
        path: `${path}.${b.i}.probability`,
        message: 'an exceedance curve cannot rise: a larger loss needs a probability no higher than a smaller one',
      });
  }
  return sorted.map(({ loss, probability }) => ({ loss, probability }));
}

/**
 * Changes the organization's FAIR settings (omitted fields keep). Drivers are replaced as a list; removing one
 * that a stored analysis names is a 409 naming the scenarios.
 */
export async function saveSettings(store: Store, access: OrgAccess, input: TFairSettingsInput): Promise<TFairSettings> {
  const { orgId } = access;
  const saved = await store.db.transaction(async (tx) => {
    const before = await readSettings(tx, orgId, 'update');
    const current = before ?? { ...DEFAULT_SETTINGS };
    const issues: FieldIssue[] = [];
    const appetite = input.appetite ? checkCurve(input.appetite, 'body.appetite', issues) : current.appetite;
    const tolerance = input.tolerance ? checkCurve(input.tolerance, 'body.tolerance', issues) : current.tolerance;
    let drivers: DriverRow[] = current.drivers;
    if (input.drivers) {
      const seen = new Set<string>();
      input.drivers.forEach((driver, i) => {
        if (seen.has(driver.key)) issues.push({ path: `body.drivers.${i}.key`, message: `"${driver.key}" appears twice` });
        seen.add(driver.key);
        try {
          validateDistribution(driver.distribution as unknown as Distribution, `body.drivers.${i}.distribution`);
        } catch (error) {
          if (!(error instanceof FairParameterError)) throw error;
          issues.push({ path: error.parameter, message: error.message.slice(error.parameter.length + 2) });
        }
      });
      drivers = input.drivers.map((d) => ({ key: d.key, name: d.name, description: d.description ?? null, distribution: d.distribution }));
    }
    if (issues.length > 0) throw unprocessable(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);

    const kept = new Set(drivers.map((d) => d.key));
    const removed = current.drivers.map((d) => d.key).filter((key) => !kept.has(key));
    if (removed.length > 0) {
      // Analyses take the settings row FOR SHARE when they check their drivers, so none can start naming one now.
      const analyses = await tx
        .select({
          id: riskScenarios.id,
          refId: riskScenarios.refId,
          title: riskScenarios.title,
          model: fairAnalyses.model,
          inputs: fairAnalyses.inputs,
        })
        .from(fairAnalyses)
        .innerJoin(riskScenarios, and(eq(riskScenarios.orgId, fairAnalyses.orgId), eq(riskScenarios.id, fairAnalyses.scenarioId)))
        .where(eq(fairAnalyses.orgId, orgId));
      const users = analyses
        // Stored analyses are as parseAnalysis returned them, so the engine's own reading of where a driver may
        // stand applies.
        .map(({ model, inputs, ...a }) => ({
          ...a,
          keys: driverKeysOf({ model, inputs } as unknown as ScenarioAnalysis).filter((key) => removed.includes(key)),
        }))
        .filter((a) => a.keys.length > 0);
      if (users.length > 0)
        throw new AppError(
          'CONFLICT',
          `Driver${removed.length === 1 ? '' : 's'} still named by FAIR analyses: ${users.map((u) => `${u.refId} (${u.keys.join(', ')})`).join(', ')}`,
          {
            errors: [{ path: 'body.drivers', message: `removes ${removed.join(', ')}, which analyses still name` }],
            extra: { scenarios: users.map((u) => ({ id: u.id, refId: u.refId, title: u.title, drivers: u.keys })) },
          },
        );
    }

    const row: SettingsRow = {
      orgId,
      currency: input.currency === undefined ? current.currency : input.currency,
      appetite,
      tolerance,
      drivers,
      updatedAt: new Date(),
      updatedBy: access.actor.label,
    };
    if (before) await tx.update(fairSettings).set(row).where(eq(fairSettings.orgId, orgId));
    else await tx.insert(fairSettings).values(row);
    await appendAudit(tx, orgId, {
      actor: access.actor,
      requestId: access.requestId,
      action: 'fair-settings.updated',
      targetType: 'fair-settings',
      targetId: orgId,
      before: before ?? undefined,
      after: row,
      summary: { currency: row.currency, drivers: row.drivers.map((d) => d.key), ...(removed.length ? { removedDrivers: removed } : {}) },
    });
    return row;
  });
  return presentSettings(saved);
}
