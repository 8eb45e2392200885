import { Command } from 'commander';
import { importTenant } from '../platform/transfer/import.service.ts';
import { openExportFile } from '../platform/transfer/transfer-file.ts';
import { CliError, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';

function openOrFail(file: string): ReturnType<typeof openExportFile> {
  try {
    return openExportFile(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export const importCommand = withStoreOptions(new Command('import'))
  .description('Import one organization from a `bulwark export` file; it lands completely or not at all')
  .argument('<file>', 'the export file (plain or gzip)')
  .option('--keep-instance-admins', "keep imported users' instance-administrator right (off: a file cannot grant it)")
  .action(async (file: string, flags: StoreFlags & { keepInstanceAdmins?: boolean }) => {
    const open = openOrFail(file);
    const summary = await withStore(flags, (store) => importTenant(store, open, { keepInstanceAdmins: flags.keepInstanceAdmins ?? false }));
    const counts = Object.entries(summary.counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ');
    process.stdout.write(`imported ${summary.slug} (${summary.orgId}): ${counts} (${summary.newUsers} new users)\n`);
    if (summary.adminRightsDropped.length > 0) {
      process.stdout.write(
        `not carried over (instance administrators in the source): ${summary.adminRightsDropped.join(', ')}; use --keep-instance-admins to keep them\n`,
      );
    }
  });
