import { Command } from 'commander';
import { describeStore } from '../platform/db/open.ts';
import { configFrom, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';

export const migrateCommand = withStoreOptions(new Command('migrate'))
  .description('Apply pending database migrations and exit (serve also applies them at start)')
  .action(async (flags: StoreFlags) => {
    await withStore(flags, async () => undefined);
    process.stdout.write(`migrations applied: ${describeStore(configFrom(flags))}\n`);
  });
