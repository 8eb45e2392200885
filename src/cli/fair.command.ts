import { and, eq, sql } from 'drizzle-orm';
import { Command } from 'commander';
import type { Config } from '../platform/config.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { riskScenarios } from '../risk/scenarios.table.ts';
import type { PortfolioResult, ScenarioResult } from '../quant/fair/analysis.ts';
import { budgetOf } from '../quant/fair-budget.ts';
import { getScenarioFair, saveAnalysis } from '../quant/fair-analysis.service.ts';
import { runPortfolio } from '../quant/fair-portfolio.service.ts';
import { runScenario } from '../quant/fair-runs.service.ts';
import { getSettings } from '../quant/fair-settings.service.ts';
import { ZFairAnalysisInput, type TFairRun } from '../quant/fair.schema.ts';
import { CliError, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';
import { cliAccess, readJsonFile } from './risk-files.ts';

/*
 * bulwark risk fair show|set|run|portfolio: a scenario's FAIR analysis from the command line, through the same
 * services as the API. Runs happen in this process, whatever their size (the CLI is its own process; there is
 * no request to keep responsive), after the same budget check.
 */

type Flags = StoreFlags & { org: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A scenario by its reference (R-001, any case) or id, in the organization. */
async function findScenario(store: Store, orgId: string, ref: string): Promise<{ id: string; refId: string; title: string }> {
  const [row] = await store.db
    .select({ id: riskScenarios.id, refId: riskScenarios.refId, title: riskScenarios.title })
    .from(riskScenarios)
    .where(
      and(
        eq(riskScenarios.orgId, orgId),
        UUID.test(ref) ? eq(riskScenarios.id, ref) : eq(sql`lower(${riskScenarios.refId})`, ref.toLowerCase()),
      ),
    );
  if (!row) throw new CliError(`no risk scenario "${ref}" in this organization`);
  return row;
}

async function withOrg<T>(flags: Flags, work: (store: Store, access: OrgAccess, config: Config) => Promise<T>): Promise<T> {
  return withStore(flags, async (store, config) => work(store, cliAccess(await findOrgBySlug(store, flags.org)), config));
}

function money(value: number, currency: string | null): string {
  const figure = Math.round(value).toLocaleString('en');
  return currency ? `${figure} ${currency}` : figure;
}

const percent = (p: number): string => `${(p * 100).toFixed(1)} %`;

/** The figures a risk owner reads, one per line (name, tab, value). */
function scenarioLines(run: TFairRun, currency: string | null): string[] {
  const r = run.result as unknown as ScenarioResult;
  const loss = r.annualLoss;
  const lines = [
    `run\t${run.id} (${run.engine}, ${run.iterations.toLocaleString('en')} iterations, seed ${run.seed}, ${run.createdAt})`,
    `annual loss mean\t${money(loss.mean, currency)}`,
    `median\t${money(loss.median, currency)}`,
    `p90\t${money(loss.p90, currency)}`,
    `p95\t${money(loss.p95, currency)}`,
    `p99\t${money(loss.p99, currency)}`,
    `chance of a loss event\t${percent(r.lossEventFrequency.probabilityOfAny ?? loss.probabilityOfLoss)}`,
    `loss events a year\t${r.lossEventFrequency.mean.toPrecision(3)}`,
    `loss per event\t${r.lossMagnitude ? money(r.lossMagnitude.mean, currency) : '-'}`,
  ];
  for (const c of [...r.controls, ...(r.allControls && r.controls.length > 1 ? [r.allControls] : [])]) {
    const back = c.returnOnControl === null ? 'no cost given' : `return ${c.returnOnControl.toFixed(2)}×`;
    lines.push(`control ${c.name}\tremoves ${money(c.reduction.mean, currency)} a year (p95 ${money(c.reduction.p95, currency)}), ${back}`);
  }
  const top = r.sensitivity[0];
  if (top) lines.push(`drives it most\t${top.factor} (swing ${money(top.swing, currency)})`);
  return lines;
}

const print = (lines: string[]): void => void process.stdout.write(`${lines.join('\n')}\n`);

const showCommand = withStoreOptions(new Command('show'))
  .description("A scenario's FAIR analysis and its latest run's figures")
  .argument('<scenario>', 'reference (R-001) or id')
  .requiredOption('--org <slug>', 'organization')
  .option('--json', 'print the API response body')
  .action(async (ref: string, flags: Flags & { json?: boolean }) => {
    await withOrg(flags, async (store, access) => {
      const scenario = await findScenario(store, access.orgId, ref);
      const fair = await getScenarioFair(store, access, scenario.id);
      if (flags.json) return void process.stdout.write(`${JSON.stringify(fair, null, 2)}\n`);
      if (!fair.analysis) throw new CliError(`${scenario.refId} has no FAIR analysis yet (bulwark risk fair set)`);
      const a = fair.analysis;
      print([
        `scenario\t${scenario.refId}: ${scenario.title}`,
        `model\t${a.model}, ${(a.controls as unknown[]).length} control(s), ${a.iterations.toLocaleString('en')} iterations, seed ${a.seed}, version ${a.version}`,
        ...(fair.latestRun ? scenarioLines(fair.latestRun, fair.currency) : ['run\tnone yet (bulwark risk fair run)']),
      ]);
    });
  });

const setCommand = withStoreOptions(new Command('set'))
  .description("Save a scenario's FAIR analysis from a JSON file (the body of PUT …/scenarios/{id}/fair)")
  .argument('<scenario>', 'reference (R-001) or id')
  .argument('<file>', 'JSON: {model, inputs, controls?, iterations?, seed?}')
  .requiredOption('--org <slug>', 'organization')
  .action(async (ref: string, file: string, flags: Flags) => {
    const parsed = ZFairAnalysisInput.safeParse(readJsonFile(file));
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => `\n  ${issue.path.join('.') || '(file)'}: ${issue.message}`).join('');
      throw new CliError(`${file} is not a FAIR analysis:${fields}`, 2);
    }
    const { version, ...input } = parsed.data;
    await withOrg(flags, async (store, access) => {
      const scenario = await findScenario(store, access.orgId, ref);
      const saved = await saveAnalysis(store, access, scenario.id, input, version);
      process.stdout.write(`${scenario.refId}: FAIR analysis saved (version ${saved.analysis?.version})\n`);
    });
  });

const runCommand = withStoreOptions(new Command('run'))
  .description("Run a scenario's FAIR analysis here, store the run and print its figures")
  .argument('<scenario>', 'reference (R-001) or id')
  .requiredOption('--org <slug>', 'organization')
  .option('--no-sensitivity', 'skip the tornado (which input drives the result)')
  .action(async (ref: string, flags: Flags & { sensitivity: boolean }) => {
    await withOrg(flags, async (store, access, config) => {
      const scenario = await findScenario(store, access.orgId, ref);
      const started = await runScenario(store, access, budgetOf(config), scenario.id, { sensitivity: flags.sensitivity, inline: true });
      const { currency } = await getSettings(store, access);
      print(scenarioLines(started.run!, currency));
    });
  });

const portfolioCommand = withStoreOptions(new Command('portfolio'))
  .description('Run every analysed scenario together and compare the total with the appetite and tolerance curves')
  .requiredOption('--org <slug>', 'organization')
  .option('--iterations <n>', 'simulated years (default 100,000)')
  .option('--seed <n>', 'an integer ≥ 0 (default: random)')
  .action(async (flags: Flags & { iterations?: string; seed?: string }) => {
    const number = (raw: string | undefined, name: string, least: number): number | undefined => {
      if (raw === undefined) return undefined;
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < least) throw new CliError(`--${name} must be an integer ≥ ${least}, got "${raw}"`);
      return value;
    };
    const request = { iterations: number(flags.iterations, 'iterations', 1), seed: number(flags.seed, 'seed', 0) };
    await withOrg(flags, async (store, access, config) => {
      const started = await runPortfolio(store, access, budgetOf(config), request, { inline: true });
      const { currency } = await getSettings(store, access);
      const run = started.run!;
      const r = run.result as unknown as Omit<PortfolioResult, 'scenarios'> & {
        scenarios: (PortfolioResult['scenarios'][number] & { refId?: string | null })[];
        appetite?: { exceeds: boolean } | null;
        tolerance?: { exceeds: boolean } | null;
      };
      // Each comparison is null when its curve is not set; say only what was compared.
      const verdict = r.tolerance?.exceeds
        ? 'above tolerance'
        : r.appetite?.exceeds
          ? r.tolerance
            ? 'above appetite, within tolerance'
            : 'above appetite'
          : r.appetite
            ? 'within appetite'
            : r.tolerance
              ? 'within tolerance'
              : 'no appetite or tolerance curve set';
      print([
        `run\t${run.id} (${run.engine}, ${run.iterations.toLocaleString('en')} iterations, seed ${run.seed})`,
        `total annual loss mean\t${money(r.total.mean, currency)}`,
        `p95\t${money(r.total.p95, currency)}`,
        `p99\t${money(r.total.p99, currency)}`,
        `verdict\t${verdict}`,
        ...r.scenarios.map((s) => `${s.refId ?? s.id}\t${money(s.mean, currency)} (${percent(s.shareOfMean)} of the total)`),
      ]);
    });
  });

export const fairCommand = new Command('fair')
  .description("Scenarios' quantitative (Open FAIR) analyses: show, set, run, and the portfolio")
  .addCommand(showCommand)
  .addCommand(setCommand)
  .addCommand(runCommand)
  .addCommand(portfolioCommand);
