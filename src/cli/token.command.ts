import { Command } from 'commander';
import { SYSTEM_ACTOR, type OrgAccess } from '../platform/context.ts';
import { isRole } from '../platform/auth/roles.ts';
import { createToken } from '../platform/auth/tokens.service.ts';
import { findUserByEmail } from '../platform/orgs/users.service.ts';
import { CliError, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';

const createCommand = withStoreOptions(new Command('create'))
  .description('Mint an API token bound to one organization and role; prints only the secret, on stdout')
  .requiredOption('--org <slug>', 'organization the token is bound to')
  .requiredOption('--user <email>', 'member who owns the token')
  .requiredOption('--role <role>', "the token's role (at most the member's role)")
  .option('--name <name>', 'label shown in token lists', 'CLI token')
  .option('--expires-in-days <days>', 'expiry (default: never)')
  .action(async (flags: StoreFlags & { org: string; user: string; role: string; name: string; expiresInDays?: string }) => {
    if (!isRole(flags.role)) throw new CliError(`--role "${flags.role}" is not a role`);
    const role = flags.role;
    const days = flags.expiresInDays === undefined ? undefined : Number(flags.expiresInDays);
    if (days !== undefined && (!Number.isFinite(days) || days <= 0)) throw new CliError('--expires-in-days must be a positive number');
    await withStore(flags, async (store) => {
      const org = await findOrgBySlug(store, flags.org);
      const user = await findUserByEmail(store, flags.user);
      if (!user) throw new CliError(`no user ${flags.user}`);
      const access: OrgAccess = { orgId: org.id, orgSlug: org.slug, role: 'owner', actor: SYSTEM_ACTOR, userId: null, requestId: null };
      const { secret } = await createToken(store, access, {
        name: flags.name,
        role,
        userId: user.id,
        expiresAt: days === undefined ? undefined : new Date(Date.now() + days * 86_400_000),
      });
      process.stdout.write(`${secret}\n`);
    });
  });

export const tokenCommand = new Command('token').description('Manage API tokens').addCommand(createCommand);
