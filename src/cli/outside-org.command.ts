import { Command } from 'commander';
import { computeBlastRadius } from '../inventory/analytics-reach.service.ts';
import { computeConcentration } from '../inventory/analytics-structure.service.ts';
import { ZConcentrationQuery, ZTraversalQuery } from '../inventory/analytics.schema.ts';
import { listExternalOrganizations } from '../inventory/external-orgs.service.ts';
import { ZExternalOrganizationQuery } from '../inventory/external-orgs.schema.ts';
import type { Store } from '../platform/db/store.ts';
import { isUuid } from '../platform/util/ids.ts';
import { CliError, parseFlags, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';

type Flags = StoreFlags & { org: string };

/** An outside organization named by id, or by its name (names are unique per organization, case-insensitive). */
async function resolveOutsideOrg(store: Store, orgId: string, ref: string): Promise<string> {
  if (isUuid(ref)) return ref;
  const [row] = await store.query<{ id: string }>('select id from external_organizations where org_id = $1 and lower(name) = lower($2)', [
    orgId,
    ref,
  ]);
  if (!row) throw new CliError(`no outside organization named "${ref}"`);
  return row.id;
}

const listCommand = withStoreOptions(new Command('list'))
  .description('List outside organizations: id, criticality, relationship types, name (tab-separated)')
  .requiredOption('--org <slug>', 'organization')
  .action(async (flags: Flags) => {
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const items = await listExternalOrganizations(store, { orgId: org.id }, parseFlags(ZExternalOrganizationQuery, {}));
      for (const item of items)
        process.stdout.write(`${item.id}\t${item.criticality}\t${item.relationshipTypes.join(',')}\t${item.name}\n`);
    });
  });

const dependentsCommand = withStoreOptions(new Command('dependents'))
  .description('What breaks if this organization fails: every asset relying on it, directly or not (distance, kind, name, id)')
  .requiredOption('--org <slug>', 'organization')
  .requiredOption('--outside-org <id|name>', 'the outside organization, by id or name')
  .option('--types <types>', 'follow only these dependency types, comma-separated')
  .option('--max-depth <n>', 'at most this many hops')
  .action(async (flags: Flags & { outsideOrg: string; types?: string; maxDepth?: string }) => {
    const query = parseFlags(ZTraversalQuery, { types: flags.types, maxDepth: flags.maxDepth, limit: '20000' });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const result = await computeBlastRadius(
        store,
        { orgId: org.id },
        await resolveOutsideOrg(store, org.id, flags.outsideOrg),
        query,
        'organization',
      );
      process.stdout.write(`# if ${result.start.name} fails: ${result.total} affected, ${result.primaryAffected} primary\n`);
      for (const item of result.items) process.stdout.write(`${item.distance}\t${item.node.kind}\t${item.node.name}\t${item.node.id}\n`);
    });
  });

const concentrationCommand = withStoreOptions(new Command('concentration'))
  .description('Concentration risk: outside organizations, then assets, ranked by the primary assets relying on them')
  .requiredOption('--org <slug>', 'organization')
  .option('--top <n>', 'how many of each', '20')
  .action(async (flags: Flags & { top: string }) => {
    const query = parseFlags(ZConcentrationQuery, { topK: flags.top });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const result = await computeConcentration(store, { orgId: org.id }, query);
      const print = (title: string, entries: typeof result.organizations): void => {
        process.stdout.write(`# ${title} (primary assets relying on it, highest criticality among them, name, id)\n`);
        for (const entry of entries)
          process.stdout.write(`${entry.primaryDependents}\t${entry.criticalityMax}\t${entry.node.name}\t${entry.node.id}\n`);
      };
      print('outside organizations', result.organizations);
      print('assets', result.assets);
    });
  });

export const outsideOrgCommand = new Command('outside-org')
  .description('Outside organizations: suppliers, providers, partners… and what depends on them')
  .addCommand(listCommand)
  .addCommand(dependentsCommand)
  .addCommand(concentrationCommand);
