import { Command } from 'commander';
import { computeBlastRadius, computeUpstream } from '../inventory/analytics-reach.service.ts';
import { computePaths, computeProtection, computeSinglePointsOfFailure } from '../inventory/analytics-structure.service.ts';
import { ZPathsQuery, ZSpofQuery, ZTraversalQuery } from '../inventory/analytics.schema.ts';
import { listAssets } from '../inventory/assets-list.ts';
import { ZAssetQuery } from '../inventory/assets.schema.ts';
import type { Store } from '../platform/db/store.ts';
import { isUuid } from '../platform/util/ids.ts';
import { CliError, parseFlags, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';

type Flags = StoreFlags & { org: string };

/** An asset named by id, or by its exact name (case-insensitive) when that is unambiguous. */
export async function resolveAsset(store: Store, orgId: string, ref: string): Promise<string> {
  if (isUuid(ref)) return ref;
  const rows = await store.query<{ id: string; kind: string }>(
    'select id, kind from assets where org_id = $1 and lower(name) = lower($2) order by id limit 10',
    [orgId, ref],
  );
  if (rows.length === 0) throw new CliError(`no asset named "${ref}"`);
  if (rows.length > 1)
    throw new CliError(`several assets are named "${ref}"; pass an id: ${rows.map((r) => `${r.id} (${r.kind})`).join(', ')}`);
  return rows[0]!.id;
}

const listCommand = withStoreOptions(new Command('list'))
  .description('List assets, one per line: id, kind, criticality, status, name (tab-separated)')
  .requiredOption('--org <slug>', 'organization')
  .option('--kind <kind>', 'only this kind')
  .option('--q <text>', 'search names and external ids')
  .option('--sort <sort>', 'name, -name, kind, criticality, updatedAt, -updatedAt', 'name')
  .option('--limit <n>', 'at most this many (all when omitted)')
  .action(async (flags: Flags & { kind?: string; q?: string; sort: string; limit?: string }) => {
    const max = flags.limit === undefined ? Number.POSITIVE_INFINITY : Number(flags.limit);
    if (!(max > 0)) throw new CliError('--limit must be a positive number');
    const query = parseFlags(ZAssetQuery, { kind: flags.kind, q: flags.q, sort: flags.sort, limit: String(Math.min(max, 500)) });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      let printed = 0;
      let cursor: string | undefined;
      do {
        const page = await listAssets(store, { orgId: org.id }, { ...query, cursor });
        for (const asset of page.items.slice(0, max - printed))
          process.stdout.write(`${asset.id}\t${asset.kind}\t${asset.criticality}\t${asset.status}\t${asset.name}\n`);
        printed += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor && printed < max);
    });
  });

const traversalOptions = (command: Command): Command =>
  withStoreOptions(command)
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--asset <id|name>', 'the asset, by id or exact name')
    .option('--types <types>', 'follow only these dependency types, comma-separated')
    .option('--max-depth <n>', 'at most this many hops');

type TraversalFlags = Flags & { asset: string; types?: string; maxDepth?: string };

const blastRadiusCommand = traversalOptions(new Command('blast-radius'))
  .description('What is affected if the asset fails: distance, kind, name, id of everything relying on it')
  .action(async (flags: TraversalFlags) => {
    const query = parseFlags(ZTraversalQuery, { types: flags.types, maxDepth: flags.maxDepth, limit: '20000' });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const result = await computeBlastRadius(store, { orgId: org.id }, await resolveAsset(store, org.id, flags.asset), query, 'asset');
      process.stdout.write(`# ${result.start.name}: ${result.total} affected, ${result.primaryAffected} primary\n`);
      for (const item of result.items) process.stdout.write(`${item.distance}\t${item.node.kind}\t${item.node.name}\t${item.node.id}\n`);
    });
  });

const upstreamCommand = traversalOptions(new Command('upstream'))
  .description('Supply-chain view: what the asset relies on, then the external organizations by tier with the chain to each')
  .action(async (flags: TraversalFlags) => {
    const query = parseFlags(ZTraversalQuery, { types: flags.types, maxDepth: flags.maxDepth, limit: '20000' });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const result = await computeUpstream(store, { orgId: org.id }, await resolveAsset(store, org.id, flags.asset), query);
      process.stdout.write(`# ${result.start.name} relies on ${result.total} nodes\n`);
      for (const item of result.items) process.stdout.write(`${item.distance}\t${item.node.kind}\t${item.node.name}\t${item.node.id}\n`);
      process.stdout.write('# external organizations (tier, distance, name: chain)\n');
      for (const o of result.organizations)
        process.stdout.write(`${o.tier}\t${o.distance}\t${o.node.name}: ${o.path.map((n) => n.name).join(' → ')}\n`);
    });
  });

const assetOptions = (command: Command): Command =>
  withStoreOptions(command)
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--asset <id|name>', 'the asset, by id or exact name');

const protectionCommand = assetOptions(new Command('protection'))
  .description('Effective protection needs: for C, I and A, its own level, the effective one, and the chain of assets that causes it')
  .action(async (flags: Flags & { asset: string }) => {
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const result = await computeProtection(store, { orgId: org.id }, await resolveAsset(store, org.id, flags.asset));
      process.stdout.write(`# ${result.asset.name} (property, own, effective, level, because of: chain)\n`);
      for (const property of ['confidentiality', 'integrity', 'availability'] as const) {
        const p = result[property];
        const chain =
          p.source && p.source.id !== result.asset.id
            ? `${p.source.name}: ${p.path.map((n) => n.name).join(' ← ')}`
            : 'its own requirement';
        process.stdout.write(
          `${property}\t${p.own ?? '-'}\t${p.effective ?? '-'}\t${p.levelName ?? '-'}\t${p.effective === null ? 'none set' : chain}\n`,
        );
      }
    });
  });

const spofCommand = assetOptions(new Command('single-points-of-failure'))
  .description('What a service cannot do without: each single point of failure with the bottom resources and nodes it would cut off')
  .option('--types <types>', 'follow only these dependency types, comma-separated')
  .action(async (flags: Flags & { asset: string; types?: string }) => {
    const query = parseFlags(ZSpofQuery, { types: flags.types });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const result = await computeSinglePointsOfFailure(store, { orgId: org.id }, await resolveAsset(store, org.id, flags.asset), query);
      process.stdout.write(
        `# ${result.service.name} relies on ${result.upstream} nodes, ${result.bottoms} bottom resources (bottoms lost, nodes lost, kind, name, id)\n`,
      );
      for (const point of result.points)
        process.stdout.write(`${point.bottomsLost}\t${point.nodesLost}\t${point.node.kind}\t${point.node.name}\t${point.node.id}\n`);
    });
  });

const pathsCommand = withStoreOptions(new Command('paths'))
  .description('Paths from one asset to another along dependencies, shortest first (e.g. an internet-facing host to a crown jewel)')
  .requiredOption('--org <slug>', 'organization')
  .requiredOption('--from <id|name>', 'where the path starts')
  .requiredOption('--to <id|name>', 'where it ends')
  .option('--types <types>', 'follow only these dependency types, comma-separated (e.g. connects-to)')
  .option('--max-paths <n>', 'at most this many paths', '5')
  .action(async (flags: Flags & { from: string; to: string; types?: string; maxPaths: string }) => {
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const [from, to] = [await resolveAsset(store, org.id, flags.from), await resolveAsset(store, org.id, flags.to)];
      const query = parseFlags(ZPathsQuery, { from, to, types: flags.types, maxPaths: flags.maxPaths });
      const result = await computePaths(store, { orgId: org.id }, query);
      if (result.paths.length === 0) process.stdout.write(`# no path from ${result.from.name} to ${result.to.name}\n`);
      for (const path of result.paths) {
        process.stdout.write(path.nodes.map((node, i) => (i === 0 ? node.name : `-${path.types[i - 1]}-> ${node.name}`)).join(' ') + '\n');
      }
    });
  });

export const assetCommand = new Command('asset')
  .description('Browse the cyberspace inventory')
  .addCommand(listCommand)
  .addCommand(blastRadiusCommand)
  .addCommand(upstreamCommand)
  .addCommand(protectionCommand)
  .addCommand(spofCommand)
  .addCommand(pathsCommand);
