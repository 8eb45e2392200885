import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCycloneDx } from './cyclonedx-import.ts';

const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/inventory/imports/shop-web.cdx.json'), 'utf8');
const edges = (content: string) => parseCycloneDx(content).dependencies.map((d) => `${d.value.source} ${d.value.type} ${d.value.target}`);

describe('CycloneDX import parser', () => {
  it('makes the root and every component (nested too) a software asset, merging duplicate purls', () => {
    const parsed = parseCycloneDx(fixture);
    expect(parsed.issues).toEqual([]);
    expect(parsed.assets.map((a) => a.value.externalIds)).toEqual([
      { purl: 'pkg:npm/shop-web@3.2.0' },
      { purl: 'pkg:npm/express@4.19.2' },
      { purl: 'pkg:npm/body-parser@1.20.2' },
      { purl: 'pkg:npm/lodash@4.17.21' },
      { purl: 'pkg:npm/%40acme/ui-kit@2.0.1' },
      { other: 'cyclonedx:acme-icons@1.4.0' },
      { cpe: 'cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*' },
      { purl: 'pkg:npm/left-pad@1.3.0' },
    ]);
    expect(parsed.assets.every((a) => a.value.kind === 'software' && a.value.tags!.includes('sbom'))).toBe(true);
    expect(parsed.assets[4]!.value.name).toBe('@acme/ui-kit@2.0.1');
  });

  it('turns dependencies into depends-on edges and hangs unreached components off their parent or the root', () => {
    expect(edges(fixture).sort()).toEqual(
      [
        'pkg:npm/express@4.19.2 provided-by OpenJS Foundation',
        'pkg:npm/shop-web@3.2.0 depends-on pkg:npm/express@4.19.2',
        'pkg:npm/shop-web@3.2.0 depends-on pkg:npm/%40acme/ui-kit@2.0.1',
        'pkg:npm/express@4.19.2 depends-on pkg:npm/body-parser@1.20.2',
        'pkg:npm/express@4.19.2 depends-on pkg:npm/lodash@4.17.21',
        'pkg:npm/%40acme/ui-kit@2.0.1 depends-on pkg:npm/lodash@4.17.21', // lodash-b is the same asset as lodash-a
        'pkg:npm/%40acme/ui-kit@2.0.1 depends-on cyclonedx:acme-icons@1.4.0', // nested, unreached: off its parent
        'pkg:npm/shop-web@3.2.0 depends-on cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*', // unreached: off the root
        'pkg:npm/shop-web@3.2.0 depends-on pkg:npm/left-pad@1.3.0',
      ].sort(),
    );
    const parsed = parseCycloneDx(fixture);
    expect(parsed.organizations.map((o) => o.value)).toEqual([{ name: 'OpenJS Foundation', relationshipTypes: ['supplier'], mergeRelationshipTypes: true }]);
    expect(parsed.dependencies.find((d) => d.value.type === 'provided-by')!.value.targetKind).toBe('organization');
  });

  it('reads services (with their provider) as software assets keyed by coordinates', () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.4',
      metadata: { component: { 'bom-ref': 'app', name: 'Acme', version: '1' } },
      services: [{ 'bom-ref': 'gw', name: 'Gateway', group: 'com.acme', version: '2', provider: { name: 'Acme Inc' }, services: [{ 'bom-ref': 'ms', name: 'Orders' }] }],
      dependencies: [{ ref: 'app', dependsOn: ['gw'] }],
    };
    const parsed = parseCycloneDx(JSON.stringify(bom));
    expect(parsed.assets.map((a) => a.value.externalIds.other)).toEqual(['cyclonedx:Acme@1', 'cyclonedx-service:com.acme/Gateway@2', 'cyclonedx-service:Orders']);
    expect(edges(JSON.stringify(bom))).toContain('cyclonedx-service:com.acme/Gateway@2 provided-by Acme Inc');
    expect(edges(JSON.stringify(bom))).toContain('cyclonedx-service:com.acme/Gateway@2 depends-on cyclonedx-service:Orders');
  });

  it('reports dependency refs to unknown bom-refs by path, and refuses what is not a readable SBOM', () => {
    const bom = JSON.parse(fixture);
    bom.dependencies[1].dependsOn.push('nobody');
    bom.dependencies.push({ ref: 'ghost', dependsOn: [] });
    const parsed = parseCycloneDx(JSON.stringify(bom));
    expect(parsed.issues).toEqual([
      { line: null, path: 'content.dependencies.1.dependsOn.2', message: 'no component or service has bom-ref "nobody"' },
      { line: null, path: 'content.dependencies.4.ref', message: 'no component or service has bom-ref "ghost"' },
    ]);
    expect(() => parseCycloneDx('not json')).toThrow(/not valid JSON/);
    expect(() => parseCycloneDx(JSON.stringify({ bomFormat: 'SPDX' }))).toThrow(/bomFormat must be "CycloneDX"/);
    expect(() => parseCycloneDx(JSON.stringify({ ...bom, specVersion: '1.1' }))).toThrow(/CycloneDX "1.1" is not supported/);
    expect(() => parseCycloneDx(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.4', vulnerabilities: [{ id: 'CVE-1' }] }))).toThrow(/VEX/);
  });

  it('keys re-generated SBOMs the same (bom-refs may change, coordinates do not)', () => {
    const renamed = fixture.replaceAll('"icons"', '"icons-uuid-123"');
    expect(parseCycloneDx(renamed).assets.map((a) => a.value.externalIds)).toEqual(parseCycloneDx(fixture).assets.map((a) => a.value.externalIds));
  });
});
