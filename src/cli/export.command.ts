import { Command } from 'commander';
import { exportTenant } from '../platform/transfer/export.service.ts';
import { createExportFile } from '../platform/transfer/transfer-file.ts';
import { withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';

export const exportCommand = withStoreOptions(new Command('export'))
  .description('Write one organization with its members, tokens and audit chain to a file, for `bulwark import` on any store')
  .requiredOption('--org <slug>', 'organization to export')
  .requiredOption('--out <file>', 'file to write (JSON Lines; gzip-compressed when the name ends in .gz)')
  .action(async (flags: StoreFlags & { org: string; out: string }) => {
    const summary = await withStore(flags, async (store) => {
      const file = createExportFile(flags.out);
      try {
        const result = await exportTenant(store, flags.org, file.stream);
        await file.commit();
        return result;
      } catch (error) {
        await file.discard();
        throw error;
      }
    });
    const counts = Object.entries(summary.counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ');
    process.stdout.write(`exported ${summary.slug} (${summary.orgId}) to ${flags.out}: ${counts}\nsha256 ${summary.sha256}\n`);
  });
