import { Command } from 'commander';
import { SYSTEM_ACTOR, type OrgAccess } from '../platform/context.ts';
import { isRole } from '../platform/auth/roles.ts';
import { addMember } from '../platform/orgs/members.service.ts';
import { createUser, findUserByEmail } from '../platform/orgs/users.service.ts';
import { CliError, withStore, withStoreOptions, type StoreFlags } from './cli-kit.ts';
import { findOrgBySlug } from './org-lookup.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const addCommand = withStoreOptions(new Command('add'))
  .description('Create a user account; with --org, also make them a member with --role')
  .requiredOption('--email <email>', 'sign-in email')
  .option('--name <name>', 'display name (default: the part of the email before @)')
  .option('--password-stdin', 'read the password from standard input (otherwise one is generated and printed)')
  .option('--admin', 'make the user an instance administrator (creates organizations, administers all)')
  .option('--org <slug>', 'organization to join')
  .option('--role <role>', 'role in --org (default owner)', 'owner')
  .action(
    async (flags: StoreFlags & { email: string; name?: string; passwordStdin?: boolean; admin?: boolean; org?: string; role: string }) => {
      if (!isRole(flags.role))
        throw new CliError(
          `--role must be one of owner, admin, risk-manager, compliance-manager, incident-responder, sharing-liaison, auditor, viewer`,
        );
      if (!/^[^@\s]+@[^@\s]+$/.test(flags.email)) throw new CliError(`--email "${flags.email}" is not an email address`);
      const role = flags.role;
      const password = flags.passwordStdin ? await readStdin() : undefined;
      await withStore(flags, async (store) => {
        const org = flags.org ? await findOrgBySlug(store, flags.org) : undefined;
        const user = await createUser(store, SYSTEM_ACTOR, {
          email: flags.email,
          name: flags.name ?? flags.email.split('@')[0]!,
          password,
          isInstanceAdmin: flags.admin ?? false,
        });
        if (org) {
          const access: OrgAccess = { orgId: org.id, orgSlug: org.slug, role: 'owner', actor: SYSTEM_ACTOR, userId: null, requestId: null };
          await addMember(store, access, { email: user.email, role });
        }
        process.stdout.write(
          `created user ${user.email}${user.isInstanceAdmin ? ' (instance administrator)' : ''}${org ? `, ${role} of ${org.slug}` : ''}\n`,
        );
        if (user.generatedPassword) process.stdout.write(`password: ${user.generatedPassword}\n`);
      });
    },
  );

const showCommand = withStoreOptions(new Command('show'))
  .description('Show whether an account exists')
  .argument('<email>')
  .action(async (email: string, flags: StoreFlags) => {
    await withStore(flags, async (store) => {
      const user = await findUserByEmail(store, email);
      if (!user) throw new CliError(`no user ${email}`);
      process.stdout.write(`${user.email}\t${user.name}\t${user.id}\n`);
    });
  });

export const userCommand = new Command('user').description('Manage user accounts').addCommand(addCommand).addCommand(showCommand);
