import { describe, expect, it } from 'vitest';
import { scaleFrom } from '../scale.ts';
import { parseBulwarkJson } from './bulwark-json-import.ts';

const scale = scaleFrom(null);
const doc = (extra: Record<string, unknown>) => JSON.stringify({ format: 'bulwark-inventory', version: 1, ...extra });

describe('Bulwark JSON import parser', () => {
  it('reads organizations, assets (operator by name, level names) and dependencies', () => {
    const parsed = parseBulwarkJson(
      doc({
        externalOrganizations: [{ name: 'Nimbus', relationshipTypes: ['cloud-provider'], criticality: 'high' }],
        assets: [{ kind: 'host', name: 'db', operator: 'Nimbus', availability: 'Very high', externalIds: { cmdbId: 'H-1' } }],
        dependencies: [{ source: 'H-1', target: 'Nimbus', type: 'provided-by' }],
      }),
      scale,
    );
    expect(parsed).toMatchObject({ rows: 3, invalid: 0, issues: [] });
    expect(parsed.organizations[0]!.value).toMatchObject({ name: 'Nimbus', criticality: 3 });
    expect(parsed.assets[0]).toEqual({ line: null, path: 'content.assets.0', value: { kind: 'host', name: 'db', operator: 'Nimbus', availability: 4, externalIds: { cmdbId: 'H-1' } } });
    expect(parsed.dependencies[0]!.value).toEqual({ source: 'H-1', target: 'Nimbus', type: 'provided-by' });
  });

  it('names the JSON path of each bad field, unknown fields included', () => {
    const parsed = parseBulwarkJson(doc({ assets: [{ kind: 'host', name: 'ok', externalIds: { cmdbId: 'A' } }, { kind: 'host', name: 'x', colour: 'red', externalIds: { cmdbId: 'B' }, rtoMinutes: -1 }] }), scale);
    expect(parsed.invalid).toBe(1);
    expect(parsed.issues.map((i) => i.path).sort()).toEqual(['content.assets.1.colour', 'content.assets.1.rtoMinutes']);
  });

  it('refuses what is not this format: bad JSON (with its line), another format, another version', () => {
    expect(() => parseBulwarkJson('{\n"format": 1,\n}', scale)).toThrow(/not valid JSON \(line 3\)/);
    expect(() => parseBulwarkJson(JSON.stringify({ bomFormat: 'CycloneDX' }), scale)).toThrow(/content.format: expected "bulwark-inventory"/);
    expect(() => parseBulwarkJson(JSON.stringify({ format: 'bulwark-inventory', version: 2 }), scale)).toThrow(/content.version/);
    expect(() => parseBulwarkJson(doc({ asset: [] }), scale)).toThrow(/content.asset: unknown field/);
  });
});
