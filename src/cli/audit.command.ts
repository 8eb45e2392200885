import { Command } from 'commander';
import { verifyOrgChain } from '../platform/audit/audit.service.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';
import { CliError, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';

const verifyCommand = withStoreOptions(new Command('verify'))
  .description('Verify the audit hash chain of one organization (--org) or of every one; exit 1 naming the first bad entry')
  .option('--org <slug>', 'only this organization')
  .action(async (flags: StoreFlags & { org?: string }) => {
    const broken = await withStore(flags, async (store) => {
      const orgs = flags.org
        ? [await findOrgBySlug(store, flags.org)]
        : await store.db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).orderBy(organizations.slug);
      let failures = 0;
      for (const org of orgs) {
        const result = await verifyOrgChain(store, org.id);
        if (result.ok) process.stdout.write(`${org.slug}: ok, ${result.entries} entries\n`);
        else {
          failures += 1;
          process.stdout.write(`${org.slug}: BROKEN after ${result.entries} good entries: ${result.fault}\n`);
        }
      }
      return failures;
    });
    if (broken > 0) throw new CliError(`${broken} audit chain(s) failed verification`, 1);
  });

export const auditCommand = new Command('audit').description('Audit trail tools').addCommand(verifyCommand);
