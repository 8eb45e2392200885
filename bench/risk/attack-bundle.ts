import { createHash } from 'node:crypto';

/*
 * Stand-in ATT&CK bundles for the benchmark and the kill -9 test: STIX 2.1 bundles the importer reads like
 * MITRE's (techniques with kill-chain phases, groups, software, mitigations, tactics and their relationships),
 * of any size. Deterministic: the same arguments give the same bytes.
 */

type StixObject = Record<string, unknown>;
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** A STIX id derived from a name, so a bundle rebuilt with the same arguments has the same ids. */
const stixId = (type: string, name: string): string => {
  const hex = createHash('sha256').update(`${type}:${name}`).digest('hex');
  return `${type}--${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
const STAMP = '2025-01-01T00:00:00.000Z';
const TACTICS = ['initial-access', 'execution', 'persistence', 'privilege-escalation', 'lateral-movement', 'collection', 'impact'];
const PLATFORMS = ['Windows', 'Linux', 'macOS', 'Network', 'Containers'];

/** About the length of an enterprise technique's description (most of a real bundle's bytes). */
const description = (what: string, i: number): string =>
  `${what} ${i}. Adversaries may abuse this behaviour to reach their objective; ` +
  'defenders watch process creation, command-line arguments and network connections for it. '.repeat(8);

const reference = (prefix: string, i: number, path: string) => [
  {
    source_name: 'mitre-attack',
    external_id: `${prefix}${String(i).padStart(4, '0')}`,
    url: `https://attack.mitre.org/${path}/${prefix}${i}`,
  },
];

/**
 * A bundle with `techniques` techniques and a tenth as many groups, software and mitigations, each group and
 * software using ten techniques and each mitigation mitigating five: about 3.4 relationships per technique.
 * 10,000 techniques make about 32 MB.
 */
export function syntheticAttackBundle(techniques: number, version = '1.0'): StixBundle {
  const objects: StixObject[] = [
    {
      type: 'x-mitre-collection',
      id: stixId('x-mitre-collection', 'synthetic'),
      name: 'Synthetic ATT&CK',
      x_mitre_version: version,
      created: STAMP,
      modified: STAMP,
    },
  ];
  const common = (type: string, name: string, i: number) => ({
    type,
    id: stixId(type, name),
    spec_version: '2.1',
    name,
    created: STAMP,
    modified: STAMP,
    x_mitre_domains: ['synthetic-attack'],
    x_mitre_version: '1.0',
    description: description(name, i),
  });
  for (const [i, tactic] of TACTICS.entries())
    objects.push({ ...common('x-mitre-tactic', tactic, i), x_mitre_shortname: tactic, external_references: reference('TA', i, 'tactics') });
  const techniqueIds: string[] = [];
  for (let i = 0; i < techniques; i++) {
    const object = {
      ...common('attack-pattern', `Technique ${i}`, i),
      external_references: reference('T', i, 'techniques'),
      kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: TACTICS[i % TACTICS.length] }],
      x_mitre_platforms: [PLATFORMS[i % PLATFORMS.length], PLATFORMS[(i + 2) % PLATFORMS.length]],
    };
    techniqueIds.push(object.id);
    objects.push(object);
  }
  const relate = (source: string, type: string, target: string) =>
    objects.push({
      type: 'relationship',
      id: stixId('relationship', `${source} ${type} ${target}`),
      spec_version: '2.1',
      relationship_type: type,
      source_ref: source,
      target_ref: target,
      created: STAMP,
      modified: STAMP,
    });
  const others = Math.max(1, Math.floor(techniques / 10));
  for (let i = 0; i < others; i++) {
    const group = {
      ...common('intrusion-set', `Group ${i}`, i),
      aliases: [`Group ${i}`, `Alias ${i}`],
      external_references: reference('G', i, 'groups'),
    };
    const software = {
      ...common(i % 2 ? 'tool' : 'malware', `Software ${i}`, i),
      x_mitre_aliases: [`Software ${i}`],
      external_references: reference('S', i, 'software'),
    };
    const mitigation = { ...common('course-of-action', `Mitigation ${i}`, i), external_references: reference('M', i, 'mitigations') };
    objects.push(group, software, mitigation);
    for (let k = 0; k < 10; k++) {
      relate(group.id, 'uses', techniqueIds[(i * 10 + k) % techniques]!);
      relate(software.id, 'uses', techniqueIds[(i * 10 + k * 7) % techniques]!);
    }
    relate(group.id, 'uses', software.id);
    for (let k = 0; k < 5; k++) relate(mitigation.id, 'mitigates', techniqueIds[(i * 5 + k * 3) % techniques]!);
  }
  // Relationships the importer leaves out, as real bundles have them.
  for (let i = 0; i < others; i++) relate(stixId('x-mitre-data-component', `Component ${i}`), 'detects', techniqueIds[i % techniques]!);
  return { type: 'bundle', id: stixId('bundle', `synthetic ${techniques} ${version}`), objects };
}

/**
 * A real bundle `copies` times over, each copy's STIX ids rewritten (consistently, references included), so the
 * importer sees `copies` times the objects and relationships with the real texts and shape. One collection
 * object is kept, so the origin stays the real one.
 */
export function replicatedBundle(bundle: StixBundle, copies: number): StixBundle {
  const isId = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9-]+--[0-9a-f-]{36}$/.test(value);
  const objects: StixObject[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const rename = (id: string): string => (copy === 0 ? id : stixId(id.slice(0, id.indexOf('--')), `${copy} ${id}`));
    for (const object of bundle.objects) {
      if (copy > 0 && object.type === 'x-mitre-collection') continue;
      const renamed: StixObject = {};
      for (const [key, value] of Object.entries(object))
        renamed[key] = isId(value) && key !== 'created_by_ref' && !key.startsWith('object_marking') ? rename(value) : value;
      objects.push(renamed);
    }
  }
  return { ...bundle, objects };
}
