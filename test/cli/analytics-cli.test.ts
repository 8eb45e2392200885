import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSupplyChain } from '../fixtures/inventory/supply-chain.ts';
import { createCliStore, runCli, type CliStore } from '../support/cli.ts';
import { buildOrg } from '../support/test-app.ts';

/* The inventory analytics from the command line, on the supply-chain fixture (see its diagram). */
let cli: CliStore;
let slug = '';

beforeAll(async () => {
  cli = await createCliStore();
  slug = await cli.open(async (store) => {
    const org = await buildOrg(store);
    await seedSupplyChain(store, org.access);
    return org.slug;
  });
}, 120_000);
afterAll(() => cli.dispose());

const run = async (...args: string[]): Promise<string> => {
  const result = await runCli([...args, '--org', slug, ...cli.flags]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};
const rows = (stdout: string): string[][] =>
  stdout
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));

describe('inventory analytics on the command line', { timeout: 240_000 }, () => {
  it('answers what breaks if the cloud provider fails, and ranks concentration', async () => {
    const dependents = await run('outside-org', 'dependents', '--outside-org', 'nimbus cloud');
    expect(dependents).toContain('# if Nimbus Cloud fails: 7 affected, 3 primary');
    expect(rows(dependents).map(([distance, , name]) => `${distance} ${name}`)).toEqual(
      expect.arrayContaining(['1 vm-db', '1 vm-hr', '2 card-db', '3 Card data', '4 Online shop']),
    );
    const concentration = await run('outside-org', 'concentration', '--top', '3');
    const [firstOrganization] = rows(concentration.split('# assets')[0]!);
    expect(firstOrganization?.[2]).toBe('Nimbus Cloud');
    expect(
      rows(await run('outside-org', 'list'))
        .map((row) => row[3])
        .sort(),
    ).toEqual(['Ledgerly', 'Nimbus Cloud', 'PayFlow']);
  });

  it('lists assets and gives an asset’s blast radius and supply chain', async () => {
    expect(rows(await run('asset', 'list', '--kind', 'host')).map((row) => row[4])).toEqual(['host-1', 'host-2']);
    const blast = await run('asset', 'blast-radius', '--asset', 'vm-db');
    expect(blast).toContain('# vm-db: 3 affected, 2 primary');
    expect(rows(blast).map(([distance, , name]) => `${distance} ${name}`)).toEqual(['1 card-db', '2 Card data', '3 Online shop']);
    const upstream = await run('asset', 'upstream', '--asset', 'Online shop');
    expect(upstream.split('# external organizations')[1]).toContain(
      '1\t4\tNimbus Cloud: Online shop → Card data → card-db → vm-db → Nimbus Cloud',
    );
  });

  it('explains protection needs, names single points of failure, and finds paths', async () => {
    const protection = rows(await run('asset', 'protection', '--asset', 'card-db'));
    expect(protection.find(([property]) => property === 'confidentiality')).toEqual([
      'confidentiality',
      '-',
      '4',
      'Very high',
      'Card data: card-db ← Card data',
    ]);
    const points = rows(await run('asset', 'single-points-of-failure', '--asset', 'Online shop')).map((row) => row[3]);
    expect(points[0]).toBe('Shop app');
    expect(points).toEqual(expect.arrayContaining(['DC Paris', 'Nimbus Cloud']));
    expect(points).not.toContain('host-1');
    const paths = await run('asset', 'paths', '--from', 'Online shop', '--to', 'DC Paris');
    expect(paths.split('\n')[0]).toBe('Online shop -depends-on-> Shop app -runs-on-> host-1 -depends-on-> DC Paris');
  });

  it('says which name it could not find, with a non-zero exit', async () => {
    const result = await runCli(['outside-org', 'dependents', '--outside-org', 'Nobody Ltd', '--org', slug, ...cli.flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no outside organization named "Nobody Ltd"');
  });
});
