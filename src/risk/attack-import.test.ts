import { describe, expect, it } from 'vitest';
import { AttackBundleError, parseAttackBundle } from './attack-import.ts';

const technique = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'attack-pattern',
  id: `attack-pattern--${id}`,
  name: `Technique ${id}`,
  x_mitre_domains: ['ics-attack'],
  ...extra,
});

describe('parseAttackBundle', () => {
  it('takes the ATT&CK id and URL from the mitre- reference only, and tactics and platforms as given', () => {
    const [draft] = parseAttackBundle({
      type: 'bundle',
      objects: [
        technique('a', {
          external_references: [
            { source_name: 'Vendor report', external_id: 'X-1', url: 'https://example.org/x' },
            { source_name: 'mitre-ics-attack', external_id: 'T0817', url: 'https://attack.mitre.org/techniques/T0817' },
          ],
          kill_chain_phases: [
            { kill_chain_name: 'mitre-ics-attack', phase_name: 'initial-access-ics' },
            { kill_chain_name: 'mitre-ics-attack', phase_name: 'initial-access-ics' },
          ],
          x_mitre_platforms: ['None'],
          x_mitre_deprecated: true,
        }),
      ],
    }).threats;
    expect(draft).toMatchObject({
      kind: 'technique',
      externalId: 'T0817',
      url: 'https://attack.mitre.org/techniques/T0817',
      tactics: ['initial-access-ics'],
      platforms: ['None'],
      deprecated: true,
    });
  });

  it('drops a link that is not http or https', () => {
    const refs = [{ source_name: 'mitre-attack', external_id: 'T1', url: 'javascript:alert(1)' }];
    expect(parseAttackBundle({ type: 'bundle', objects: [technique('a', { external_references: refs })] }).threats[0]).toMatchObject({
      externalId: 'T1',
      url: null,
    });
  });

  it('names the origin after the domain when the bundle has no collection', () => {
    expect(parseAttackBundle({ type: 'bundle', objects: [technique('a')] }).origin).toBe('mitre-ics-attack');
    expect(parseAttackBundle({ type: 'bundle', objects: [] }).origin).toBe('stix-bundle');
  });

  it('keeps the latest version of an object listed twice', () => {
    const { threats } = parseAttackBundle({
      type: 'bundle',
      objects: [
        technique('a', { name: 'Newer', modified: '2025-01-01T00:00:00Z' }),
        technique('a', { name: 'Older', modified: '2024-01-01T00:00:00Z' }),
      ],
    });
    expect(threats.map((t) => t.name)).toEqual(['Newer']);
  });

  it('keeps a relation once, and skips those whose end is not imported', () => {
    const rel = (n: number, from: string, to: string, type = 'uses') => ({
      type: 'relationship',
      id: `relationship--${n}`,
      relationship_type: type,
      source_ref: from,
      target_ref: to,
    });
    const result = parseAttackBundle({
      type: 'bundle',
      objects: [
        technique('a'),
        technique('b'),
        { type: 'x-mitre-asset', id: 'x-mitre-asset--1', name: 'PLC' },
        rel(1, 'attack-pattern--a', 'attack-pattern--b', 'subtechnique-of'),
        rel(2, 'attack-pattern--a', 'attack-pattern--b', 'subtechnique-of'),
        rel(3, 'attack-pattern--a', 'x-mitre-asset--1', 'targets'),
        rel(4, 'attack-pattern--a', 'attack-pattern--missing'),
      ],
    });
    expect(result.relations).toEqual([{ from: 'attack-pattern--a', type: 'subtechnique-of', to: 'attack-pattern--b' }]);
    expect(result.skipped).toEqual({ objects: { 'x-mitre-asset': 1 }, relationships: { targets: 1, uses: 1 } });
  });

  it('reports every malformed place at once, under the prefix given', () => {
    try {
      parseAttackBundle(
        { type: 'bundle', objects: [technique('a', { name: '  ' }), 'text', { type: 'relationship', id: 'relationship--1' }] },
        'file',
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AttackBundleError);
      expect((error as AttackBundleError).errors.map((e) => e.path)).toEqual([
        'file.objects.0.name',
        'file.objects.1',
        'file.objects.2.relationship_type',
        'file.objects.2.source_ref',
        'file.objects.2.target_ref',
      ]);
    }
  });
});
