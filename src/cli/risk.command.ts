import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { Store } from '../platform/db/store.ts';
import { ZRegisterQuery, ZReportQuery } from '../risk/register.schema.ts';
import { listRegister } from '../risk/register.service.ts';
import { buildReport } from '../risk/report.service.ts';
import { fairCommand } from './fair.command.ts';
import { CliError, parseFlags, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findCriteria } from './criteria-lookup.ts';
import { findOrgBySlug } from './org-lookup.ts';

type Flags = StoreFlags & { org: string; criteria?: string; level?: string; status?: string; overdue?: boolean; q?: string };

/** The register filters both commands share, as the API spells them. */
const filterFlags = (flags: Flags): Record<string, string | undefined> => ({
  level: flags.level,
  status: flags.status,
  reviewOverdue: flags.overdue ? 'true' : undefined,
  q: flags.q,
});

/** `--criteria` as the register's `criteriaId` (absent: the default set). */
const criteriaFilter = async (store: Store, org: { id: string; slug: string }, flags: Flags): Promise<{ criteriaId?: string }> =>
  flags.criteria === undefined ? {} : { criteriaId: (await findCriteria(store, org, flags.criteria)).id };

const withFilters = (command: Command): Command =>
  command
    .requiredOption('--org <slug>', 'organization')
    .option('--criteria <name|id>', 'the criteria set shown (default: the organization’s default set); levels are its indexes')
    .option('--level <indexes>', 'current risk levels, zero-based, comma-separated (e.g. 2,3)')
    .option('--status <statuses>', 'statuses, comma-separated (identified, assessed, in-treatment, treated, accepted, closed)')
    .option('--overdue', 'only scenarios whose review is overdue')
    .option('--q <text>', 'part of the reference or title');

const registerCommand = withFilters(withStoreOptions(new Command('register')))
  .description('The risk register, highest priority first: ref, current level, residual level, status, owner, title (tab-separated)')
  .option('--limit <n>', 'how many', '500')
  .action(async (flags: Flags & { limit: string }) => {
    const query = parseFlags(ZRegisterQuery, { ...filterFlags(flags), limit: flags.limit });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const page = await listRegister(store, { orgId: org.id }, { ...query, ...(await criteriaFilter(store, org, flags)) });
      for (const item of page.items) {
        const cells = [
          item.refId,
          item.ratings.current?.levelName ?? '-',
          item.ratings.residual?.levelName ?? '-',
          item.status,
          item.owner?.name ?? '-',
          item.title,
        ];
        process.stdout.write(`${cells.join('\t')}\n`);
      }
      const criteria = page.criteria ? ` (criteria: ${page.criteria.name} v${page.criteria.version})` : ' (no risk criteria yet)';
      process.stderr.write(`${page.items.length} of ${page.total} scenarios${criteria}\n`);
    });
  });

const reportCommand = withFilters(withStoreOptions(new Command('report')))
  .description('Write the risk report (executive summary, heat maps, top risks, treatment status) as PDF, XLSX or CSV')
  .option('--format <format>', 'pdf, xlsx or csv', 'pdf')
  .option('--out <file>', 'where to write it (default: the report’s own name, in the current directory)')
  .action(async (flags: Flags & { format: string; out?: string }) => {
    const query = parseFlags(ZReportQuery, { ...filterFlags(flags), format: flags.format });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const report = await buildReport(store, { orgId: org.id }, { ...query, ...(await criteriaFilter(store, org, flags)) });
      const out = flags.out ?? path.join(process.cwd(), report.filename);
      try {
        fs.writeFileSync(out, report.body);
      } catch (error) {
        throw new CliError(`cannot write ${out}: ${(error as Error).message}`);
      }
      process.stdout.write(`${out}\n`);
    });
  });

export const riskCommand = new Command('risk')
  .description('The risk register, its reports, and quantitative (FAIR) analyses')
  .addCommand(registerCommand)
  .addCommand(reportCommand)
  .addCommand(fairCommand);
