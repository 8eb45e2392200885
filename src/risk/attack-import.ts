import type { FieldIssue } from '../platform/errors/catalogue.ts';
import { THREAT_RELATION_TYPES, type ThreatKind, type ThreatRelationType } from './threats.vocabulary.ts';

/*
 * Reading a MITRE ATT&CK STIX 2.1 bundle into threat rows and their relations. Pure: no IO, so the service and
 * the CLI share it and tests feed it objects directly.
 */

/** The STIX types imported, and the threat kind each becomes. */
export const KIND_OF_STIX_TYPE: Readonly<Record<string, ThreatKind>> = {
  'attack-pattern': 'technique',
  'intrusion-set': 'group',
  malware: 'software',
  tool: 'software',
  'x-mitre-tactic': 'tactic',
  'course-of-action': 'mitigation',
};
export const IMPORTED_KINDS = ['technique', 'group', 'software', 'tactic', 'mitigation'] as const satisfies readonly ThreatKind[];

export interface ThreatDraft {
  stixId: string;
  kind: ThreatKind;
  name: string;
  description: string | null;
  externalId: string | null;
  url: string | null;
  tactics: string[];
  platforms: string[];
  aliases: string[];
  deprecated: boolean;
}

export interface RelationDraft {
  from: string;
  type: ThreatRelationType;
  to: string;
}

export interface AttackBundle {
  /** The catalogue and its version, e.g. "mitre-ics-attack 18.1". */
  origin: string;
  threats: ThreatDraft[];
  relations: RelationDraft[];
  /** What was left out, by STIX type (objects) and by relationship type (relationships). */
  skipped: { objects: Record<string, number>; relationships: Record<string, number> };
}

/** The bundle is not one this importer can read; `errors` name the places (at most 100). */
export class AttackBundleError extends Error {
  constructor(readonly errors: FieldIssue[]) {
    super(
      `The STIX bundle is not valid (${errors.length === 100 ? 'at least ' : ''}${errors.length} problem${errors.length > 1 ? 's' : ''}); nothing was imported`,
    );
    this.name = 'AttackBundleError';
  }
}

type StixObject = Record<string, unknown>;

const isObject = (value: unknown): value is StixObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.map(text).filter((v): v is string => v !== null))] : [];
const RELATION_TYPES = new Set<string>(THREAT_RELATION_TYPES);
const count = (tally: Record<string, number>, key: string): void => void (tally[key] = (tally[key] ?? 0) + 1);

/** The ATT&CK reference: the external reference from a "mitre-…" source that carries an id. */
function attackReference(object: StixObject): { externalId: string | null; url: string | null } {
  const refs = Array.isArray(object.external_references) ? object.external_references : [];
  const ref = refs.find(
    (r): r is StixObject => isObject(r) && String(r.source_name ?? '').startsWith('mitre-') && text(r.external_id) !== null,
  );
  // Only web links: the UI renders the URL as a link, and a bundle may come from anywhere.
  const url = ref ? text(ref.url) : null;
  return { externalId: ref ? text(ref.external_id) : null, url: url && /^https?:\/\//i.test(url) ? url : null };
}

function draftOf(object: StixObject, kind: ThreatKind, name: string): ThreatDraft {
  const tactics =
    kind === 'tactic'
      ? strings([object.x_mitre_shortname])
      : strings(Array.isArray(object.kill_chain_phases) ? object.kill_chain_phases.map((p) => (isObject(p) ? p.phase_name : null)) : []);
  const aliases = strings(object.type === 'intrusion-set' ? object.aliases : object.x_mitre_aliases).filter((alias) => alias !== name);
  return {
    stixId: object.id as string,
    kind,
    name,
    description: text(object.description),
    ...attackReference(object),
    tactics,
    platforms: strings(object.x_mitre_platforms),
    aliases,
    deprecated: object.revoked === true || object.x_mitre_deprecated === true,
  };
}

/** "mitre-<domain> <version>": the domain most imported objects name, the version of the bundle's collection. */
function originOf(objects: readonly StixObject[], mapped: readonly StixObject[]): string {
  const domains: Record<string, number> = {};
  for (const object of mapped) for (const domain of strings(object.x_mitre_domains)) count(domains, domain);
  const domain = Object.entries(domains).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const collection = objects.find((o) => o.type === 'x-mitre-collection');
  const collectionName = text(collection?.name)
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const base = domain ? `mitre-${domain}` : collectionName || 'stix-bundle';
  const version = text(collection?.x_mitre_version);
  return version ? `${base} ${version}` : base;
}

/**
 * Reads a bundle: attack-pattern → technique, intrusion-set → group, malware and tool → software,
 * x-mitre-tactic → tactic, course-of-action → mitigation; relationships of the kept types between two imported
 * objects → relations. An object listed twice counts once (its latest `modified`).
 * @param prefix the path the bundle sits at, for error paths (`body` → `body.objects.12.name`)
 * @throws AttackBundleError naming every malformed place (nothing is half-read)
 */
export function parseAttackBundle(input: unknown, prefix = 'body'): AttackBundle {
  const fail = (path: string, message: string): never => {
    throw new AttackBundleError([{ path, message }]);
  };
  if (!isObject(input)) return fail(prefix, 'a STIX bundle is a JSON object');
  if (input.type !== 'bundle') return fail(`${prefix}.type`, 'must be "bundle"');
  if (!Array.isArray(input.objects)) return fail(`${prefix}.objects`, 'must be an array of STIX objects');

  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string): void => void (issues.length < 100 && issues.push({ path, message }));
  const latest = new Map<string, StixObject>();
  const relationships: StixObject[] = [];
  const skippedObjects: Record<string, number> = {};
  input.objects.forEach((object: unknown, index: number) => {
    const at = `${prefix}.objects.${index}`;
    if (!isObject(object)) return issue(at, 'not an object');
    const id = text(object.id);
    const type = text(object.type);
    if (!id) issue(`${at}.id`, 'required');
    if (!type) issue(`${at}.type`, 'required');
    if (!id || !type) return;
    if (type === 'relationship') {
      if (!text(object.relationship_type)) issue(`${at}.relationship_type`, 'required');
      if (!text(object.source_ref)) issue(`${at}.source_ref`, 'required');
      if (!text(object.target_ref)) issue(`${at}.target_ref`, 'required');
      relationships.push(object);
      return;
    }
    if (!(type in KIND_OF_STIX_TYPE)) return count(skippedObjects, type);
    if (!text(object.name)) return issue(`${at}.name`, 'required for an imported object');
    const seen = latest.get(id);
    if (!seen || String(object.modified ?? '') >= String(seen.modified ?? '')) latest.set(id, object);
  });
  if (issues.length > 0) throw new AttackBundleError(issues);

  const mapped = [...latest.values()];
  const threats = mapped.map((object) => draftOf(object, KIND_OF_STIX_TYPE[object.type as string]!, text(object.name)!));
  const skippedRelationships: Record<string, number> = {};
  const relations = new Map<string, RelationDraft>();
  for (const relationship of relationships) {
    const type = text(relationship.relationship_type)!;
    const from = text(relationship.source_ref)!;
    const to = text(relationship.target_ref)!;
    if (!RELATION_TYPES.has(type) || !latest.has(from) || !latest.has(to)) {
      count(skippedRelationships, type);
      continue;
    }
    relations.set(`${from} ${type} ${to}`, { from, type: type as ThreatRelationType, to });
  }
  return {
    origin: originOf(input.objects.filter(isObject), mapped),
    threats,
    relations: [...relations.values()],
    skipped: { objects: skippedObjects, relationships: skippedRelationships },
  };
}
