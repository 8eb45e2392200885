import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/inventory/imports/import.service.ts';
import { AppError } from '../../src/platform/errors/catalogue.ts';
import { buildOrg, type OrgFixture } from '../support/test-app.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

/**
 * Every real CycloneDX SBOM in ../shared/data/sbom imported through the import service: the store must hold
 * one asset per distinct component (plus the root), every dependency of the file as an edge, everything
 * reachable from the root, and a second import must change nothing. VEX documents are refused clearly.
 */
const DIR = path.resolve(import.meta.dirname, '../../../shared/data/sbom');
const files = fs.existsSync(DIR)
  ? fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

type Part = {
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  cpe?: string;
  'bom-ref'?: string;
  components?: Part[];
  services?: Part[];
};

/** The file's own view, computed independently of the importer: key of each part (purl, cpe, else coordinates). */
function expectations(bom: {
  metadata?: { component?: Part };
  components?: Part[];
  services?: Part[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}) {
  const keyOf = new Map<string, string>();
  const keys = new Set<string>();
  const walk = (part: Part, service: boolean): void => {
    const coordinates = `${part.group ? `${part.group}/` : ''}${part.name}${part.version ? `@${part.version}` : ''}`;
    const key = (!service && (part.purl ?? part.cpe)) || `${service ? 'cyclonedx-service' : 'cyclonedx'}:${coordinates}`;
    keys.add(key);
    if (part['bom-ref']) keyOf.set(part['bom-ref'], key);
    for (const child of part.components ?? []) walk(child, false);
    for (const child of part.services ?? []) walk(child, true);
  };
  if (bom.metadata?.component) walk(bom.metadata.component, false);
  for (const c of bom.components ?? []) walk(c, false);
  for (const s of bom.services ?? []) walk(s, true);
  const pairs = new Set<string>();
  for (const d of bom.dependencies ?? [])
    for (const to of d.dependsOn ?? []) if (keyOf.get(d.ref) !== keyOf.get(to)) pairs.add(`${keyOf.get(d.ref)}|${keyOf.get(to)}`);
  const root = bom.metadata?.component ? [...keys][0]! : null;
  return { keys, pairs, root };
}

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts?.dispose());

describe.skipIf(files.length === 0)('real CycloneDX files (../shared/data/sbom)', () => {
  for (const file of files) {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const bom = JSON.parse(text);
    const isVex = !(bom.components?.length || bom.services?.length);

    // Each file gets the one test that applies to it, so nothing is reported as skipped.
    if (isVex) {
      it(`${file}: refused as a VEX document, nothing written`, async () => {
        const org = await buildOrg(ts.store);
        const error = await runImport(ts.store, org.access, { format: 'cyclonedx', content: text }, { skipInvalid: false }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('IMPORT_UNREADABLE');
        expect((error as AppError).message).toMatch(/no components or services/);
        const [row] = await ts.store.query<{ n: number }>('select count(*)::int as n from assets where org_id = $1', [org.orgId]);
        expect(row!.n).toBe(0);
      });
    } else {
      it(`${file}: one asset per distinct component, the file's edges, all reachable, re-import unchanged`, async () => {
        const org: OrgFixture = await buildOrg(ts.store);
        const expected = expectations(bom);
        const result = await runImport(ts.store, org.access, { format: 'cyclonedx', content: text }, { skipInvalid: false });
        expect(result.assets).toEqual({ created: expected.keys.size, updated: 0, unchanged: 0 });
        expect(result.skippedRecords).toBe(0);

        const assets = await ts.store.query<{ id: string; key: string }>(
          'select id, coalesce(purl, cpe, other_id) as key from assets where org_id = $1',
          [org.orgId],
        );
        expect(new Set(assets.map((a) => a.key))).toEqual(expected.keys);
        const keyOfId = new Map(assets.map((a) => [a.id, a.key]));
        const edges = await ts.store.query<{ source_id: string; target_asset_id: string }>(
          "select source_id, target_asset_id from dependencies where org_id = $1 and type = 'depends-on'",
          [org.orgId],
        );
        const stored = new Set(edges.map((e) => `${keyOfId.get(e.source_id)}|${keyOfId.get(e.target_asset_id)}`));
        for (const pair of expected.pairs) expect(stored.has(pair), pair).toBe(true);
        // The rest are hang-offs of parts no dependency reaches: at most one per part.
        expect(stored.size - expected.pairs.size).toBeLessThan(expected.keys.size);
        if (expected.pairs.size === 0 && expected.root) expect(stored.size).toBe(expected.keys.size - 1);

        if (expected.root) {
          const out = new Map<string, string[]>();
          for (const edge of stored) {
            const [from, to] = edge.split('|') as [string, string];
            out.set(from, [...(out.get(from) ?? []), to]);
          }
          const seen = new Set<string>([expected.root]);
          const stack = [expected.root];
          while (stack.length > 0) {
            for (const next of out.get(stack.pop()!) ?? []) {
              if (seen.has(next)) continue;
              seen.add(next);
              stack.push(next);
            }
          }
          expect(seen).toEqual(expected.keys);
        }

        const again = await runImport(ts.store, org.access, { format: 'cyclonedx', content: text }, { skipInvalid: false });
        expect(again).toMatchObject({
          assets: { created: 0, updated: 0, unchanged: expected.keys.size },
          dependencies: { created: 0, updated: 0, unchanged: result.dependencies.created },
          externalOrganizations: { created: 0, updated: 0 },
        });
      });
    }
  }
});
