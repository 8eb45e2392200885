import { describe, expect, it } from 'vitest';
import { scaleFrom } from '../scale.ts';
import { parseCsvImport } from './csv-import.ts';
import { ImportFileError } from './import-types.ts';

const scale = scaleFrom(null);
const fileError = (work: () => unknown): ImportFileError => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('no ImportFileError');
};

describe('CSV import parser', () => {
  it('maps common headers by itself and normalizes values (levels by name or number, loose kinds, tag lists)', () => {
    const csv = 'Name,Kind,CMDB ID,C,I,A,Tags,Owner,RTO,Status\nweb-01,Cloud resource,H-1,very HIGH,2,,a; b |c,Ops,60,In use\n';
    const parsed = parseCsvImport(csv, { scale });
    expect(parsed.mapping).toEqual({ Name: 'name', Kind: 'kind', 'CMDB ID': 'cmdbId', C: 'confidentiality', I: 'integrity', A: 'availability', Tags: 'tags', Owner: 'owner', RTO: 'rtoMinutes', Status: 'status' });
    expect(parsed.issues).toEqual([]);
    expect(parsed.assets).toEqual([
      {
        line: 2,
        path: 'content.line.2',
        value: { name: 'web-01', kind: 'cloud-resource', externalIds: { cmdbId: 'H-1' }, confidentiality: 4, integrity: 2, availability: null, tags: ['a', 'b', 'c'], owner: 'Ops', rtoMinutes: 60, status: 'in-use' },
      },
    ]);
  });

  it('reads the tenant’s own level names', () => {
    const custom = scaleFrom([{ name: 'Public' }, { name: 'Internal' }, { name: 'Secret' }]);
    const parsed = parseCsvImport('name,kind,cmdbId,confidentiality\nx,host,X-1,secret\ny,host,Y-1,4\n', { scale: custom });
    expect(parsed.assets[0]!.value.confidentiality).toBe(3);
    expect(parsed.issues).toEqual([{ line: 3, path: 'content.line.3.confidentiality', message: '4 is not a level of the protection scale (1–3)' }]);
  });

  it('gives every bad row its line (multi-line quoted cells counted), field and reason, and keeps the good rows', () => {
    const csv = ['name,kind,cmdbId,rtoMinutes', '"two', 'lines",host,A-1,5', '', 'x,toaster,A-2,', 'y,host,,', 'z,host,A-3,soon', 'short,host'].join('\n');
    const parsed = parseCsvImport(csv, { scale });
    expect(parsed.rows).toBe(5);
    expect(parsed.assets.map((a) => [a.line, a.value.name])).toEqual([[2, 'two\nlines']]);
    expect(parsed.invalid).toBe(4);
    expect(parsed.issues.map((i) => [i.line, i.path])).toEqual([
      [5, 'content.line.5.kind'],
      [6, 'content.line.6.externalIds'],
      [7, 'content.line.7.rtoMinutes'],
      [8, 'content.line.8'],
    ]);
    expect(parsed.issues[2]!.message).toBe('"soon" is not a whole number of minutes');
    expect(parsed.issues[3]!.message).toBe('2 cells where the header has 4 columns');
  });

  it('reads semicolon-separated files (Excel in many locales)', () => {
    const parsed = parseCsvImport('Name;Type;CMDB ID\nweb;host;S-1\n', { scale });
    expect(parsed.assets[0]!.value).toMatchObject({ name: 'web', kind: 'host', externalIds: { cmdbId: 'S-1' } });
  });

  it('names missing required columns and the headers it found', () => {
    const error = fileError(() => parseCsvImport('Hostname,Serial\nweb,1\n', { scale }));
    expect(error.message).toBe('missing required column(s): name; kind; one of cmdbId, purl, cpe, other (the file has: "Hostname", "Serial")');
    expect(error.issues).toEqual([{ line: 1, path: 'content.line.1', message: error.message }]);
    expect(fileError(() => parseCsvImport('source,type\nA,runs-on\n', { entity: 'dependencies', scale })).message).toContain('missing required column(s): target');
  });

  it('applies an explicit mapping, lets "" ignore a column, and refuses a mapping to an unknown field or column', () => {
    const parsed = parseCsvImport('Server,Category,Tag,Type\ndb,host,T-1,ignored\n', { scale, mapping: { Server: 'name', Category: 'kind', Tag: 'cmdbId', Type: '' } });
    expect(parsed.mapping).toEqual({ Server: 'name', Category: 'kind', Tag: 'cmdbId' });
    expect(parsed.assets[0]!.value).toMatchObject({ name: 'db', kind: 'host', externalIds: { cmdbId: 'T-1' } });
    const error = fileError(() => parseCsvImport('name,kind,cmdbId\n', { scale, mapping: { name: 'title', Nope: 'kind' } }));
    expect(error.issues.map((i) => i.path)).toEqual(['mapping.name', 'mapping.Nope', 'content.line.1']); // name is then unmapped
  });

  it('refuses broken quoting naming the line', () => {
    const error = fileError(() => parseCsvImport('name,kind,cmdbId\nok,host,A\n"unterminated,host,B\n', { scale }));
    expect(error.message).toMatch(/not valid CSV/);
    expect(error.issues[0]!.line).not.toBeNull();
  });

  it('reads dependency and organization files', () => {
    const deps = parseCsvImport('From,To,Type,Description\nA-1,Nimbus,provided-by,\nA-1,A-2,,x\nA-1,A-1,runs-on,\n', { entity: 'dependencies', scale });
    expect(deps.dependencies.map((d) => d.value)).toEqual([
      { source: 'A-1', target: 'Nimbus', type: 'provided-by', description: null },
      { source: 'A-1', target: 'A-2', type: 'depends-on', description: 'x' },
    ]);
    expect(deps.issues).toEqual([{ line: 4, path: 'content.line.4.target', message: 'same as the source' }]);
    const orgs = parseCsvImport('Name,Relationship,Criticality,Country\nNimbus,cloud provider;Supplier,critical,de\nBad,friend,9,XYZ\n', { entity: 'external-organizations', scale });
    expect(orgs.organizations[0]!.value).toMatchObject({ name: 'Nimbus', relationshipTypes: ['cloud-provider', 'supplier'], criticality: 4, country: 'DE' });
    expect(orgs.issues.map((i) => i.path)).toEqual(['content.line.3.relationshipTypes.0', 'content.line.3.criticality', 'content.line.3.country']);
  });
});
