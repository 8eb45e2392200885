import { Command } from 'commander';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import { createOrganization } from '../platform/orgs/orgs.service.ts';
import { ZCreateOrganization } from '../platform/orgs/orgs.schema.ts';
import { findUserByEmail } from '../platform/orgs/users.service.ts';
import { CliError, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';

const createCommand = withStoreOptions(new Command('create'))
  .description('Create an organization (tenant)')
  .requiredOption('--slug <slug>', 'URL name: lowercase letters, digits, hyphens')
  .requiredOption('--name <name>', 'display name')
  .option('--owner <email>', 'existing user who becomes its owner')
  .action(async (flags: StoreFlags & { slug: string; name: string; owner?: string }) => {
    const parsed = ZCreateOrganization.safeParse({ slug: flags.slug, name: flags.name });
    if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
    await withStore(flags, async (store) => {
      const owner = flags.owner ? await findUserByEmail(store, flags.owner) : undefined;
      if (flags.owner && !owner) throw new CliError(`no user ${flags.owner}`);
      const org = await createOrganization(store, SYSTEM_ACTOR, { ...parsed.data, ownerUserId: owner?.id });
      process.stdout.write(`created organization ${org.slug} (${org.id})\n`);
    });
  });

export const orgCommand = new Command('org').description('Manage organizations').addCommand(createCommand);
