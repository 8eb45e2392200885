import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliStore, runCli, type CliStore } from '../support/cli.ts';

let cli: CliStore;

beforeAll(async () => {
  cli = await createCliStore();
});
afterAll(() => cli.dispose());

describe('bulwark CLI: first user, organization, token, audit verify', { timeout: 240_000 }, () => {
  it('creates an organization, an admin owner, and prints a working token on stdout', async () => {
    const org = await runCli(['org', 'create', '--slug', 'acme', '--name', 'Acme', ...cli.flags]);
    expect(org.code, org.stderr).toBe(0);
    const user = await runCli(['user', 'add', '--email', 'root@acme.test', '--admin', '--org', 'acme', '--role', 'owner', ...cli.flags]);
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(/password: \S{20,}/);
    const token = await runCli(['token', 'create', '--org', 'acme', '--user', 'root@acme.test', '--role', 'auditor', ...cli.flags]);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^bwk_[\w-]{40,}$/);
    const hashes = await cli.open((store) => store.query<{ token_hash: string; role: string }>('select token_hash, role from api_tokens'));
    expect(hashes).toHaveLength(1);
    expect(hashes[0]!.role).toBe('auditor');
    expect(hashes[0]!.token_hash).not.toContain(token.stdout.trim());
  });

  it('reads a password from stdin instead of generating one', async () => {
    const result = await runCli(['user', 'add', '--email', 'piped@acme.test', '--password-stdin', ...cli.flags], {
      input: 'a long enough passphrase\n',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('password:');
  });

  it('fails with a message and a non-zero exit on bad input, writing nothing', async () => {
    const badRole = await runCli(['token', 'create', '--org', 'acme', '--user', 'root@acme.test', '--role', 'god', ...cli.flags]);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('--role "god" is not a role');
    const noOrg = await runCli(['token', 'create', '--org', 'nope', '--user', 'root@acme.test', '--role', 'viewer', ...cli.flags]);
    expect(noOrg.code).not.toBe(0);
    expect(noOrg.stderr).toContain('no organization with slug "nope"');
    const dupUser = await runCli(['user', 'add', '--email', 'root@acme.test', ...cli.flags]);
    expect(dupUser.code).not.toBe(0);
    expect(dupUser.stderr).toContain('already exists');
    const badSlug = await runCli(['org', 'create', '--slug', 'Bad Slug', '--name', 'x', ...cli.flags]);
    expect(badSlug.code).not.toBe(0);
    expect(badSlug.stderr).toContain('--slug');
    const tokens = await cli.open((store) => store.query('select 1 from api_tokens'));
    expect(tokens).toHaveLength(1);
  });

  it('audit verify exits 0 on intact chains and 1 naming the first bad entry after tampering', async () => {
    const ok = await runCli(['audit', 'verify', '--org', 'acme', ...cli.flags]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/acme: ok, \d+ entries/);
    const victim = await cli.open(async (store) => {
      const [row] = await store.query<{ id: string; seq: number }>(
        "select a.id, a.seq::float8 as seq from audit_entries a join organizations o on o.id = a.org_id where o.slug = 'acme' and a.seq = 2",
      );
      await store.query("update audit_entries set action = 'token.revoked' where id = $1", [row!.id]);
      return row!;
    });
    const broken = await runCli(['audit', 'verify', '--org', 'acme', ...cli.flags]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(victim.id);
    const all = await runCli(['audit', 'verify', ...cli.flags]);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('_instance: ok');
  });
});
