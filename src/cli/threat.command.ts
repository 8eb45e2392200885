import { Command, Option } from 'commander';
import { importAttackBundle } from '../risk/attack-import.service.ts';
import { ZThreatQuery } from '../risk/threats.schema.ts';
import { listThreats } from '../risk/threats.service.ts';
import { THREAT_KINDS } from '../risk/threats.vocabulary.ts';
import { parseFlags, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';
import { cliAccess, readJsonFile } from './risk-files.ts';

type Flags = StoreFlags & { org: string };

const importAttackCommand = withStoreOptions(new Command('import-attack'))
  .description('Import a MITRE ATT&CK STIX 2.1 bundle into the threats, in one transaction (the same checks and summary as the API)')
  .argument('<file>', 'the bundle, e.g. ics-attack-18.1.json')
  .requiredOption('--org <slug>', 'organization')
  .option('--dry-run', 'only report what the import would do')
  .action(async (file: string, flags: Flags & { dryRun?: boolean }) => {
    const bundle = readJsonFile(file);
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      // In this process, like `inventory import`: the CLI opens the store itself, so no server's job runner is needed.
      const summary = await importAttackBundle(store, cliAccess(org), bundle, {
        dryRun: flags.dryRun ?? false,
        pathPrefix: 'file',
        progress: async (done, total) => void process.stderr.write(`imported ${done} of ${total} threats and relations\n`),
      });
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    });
  });

const listCommand = withStoreOptions(new Command('list'))
  .description('List threats: kind, external id, name, origin, id (tab-separated, by name)')
  .requiredOption('--org <slug>', 'organization')
  .addOption(new Option('--kind <kind>', 'only this kind').choices([...THREAT_KINDS]))
  .option('--include-deprecated', 'also revoked and deprecated entries')
  .action(async (flags: Flags & { kind?: string; includeDeprecated?: boolean }) => {
    const query = parseFlags(ZThreatQuery, {
      kind: flags.kind,
      includeDeprecated: flags.includeDeprecated ? 'true' : 'false',
      limit: '5000',
    });
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const { items, truncated } = await listThreats(store, { orgId: org.id }, query);
      for (const item of items) process.stdout.write(`${item.kind}\t${item.externalId ?? '-'}\t${item.name}\t${item.origin}\t${item.id}\n`);
      if (truncated) process.stderr.write('only the first 5000 are listed\n');
    });
  });

export const threatCommand = new Command('threat')
  .description('Threats: risk sources, threat events and ATT&CK catalogues')
  .addCommand(importAttackCommand)
  .addCommand(listCommand);
