import type { AssetDraft, DependencyDraft, Drafted, ImportIssue, OrganizationDraft, ParsedImport } from './import-types.ts';
import { ImportFileError } from './import-types.ts';
import { isObject, parseJsonText } from './json-text.ts';

/**
 * CycloneDX JSON SBOMs → software assets and `depends-on` edges.
 *
 * - `metadata.component` is the root application; `components` and `services` (nested ones too) become
 *   software assets. JSON exists since CycloneDX 1.2 and the parts read here have not changed since, so
 *   1.2–1.6 are read (real SBOMs of 1.2 and 1.3 are common); anything else is refused.
 * - The key of each asset, which a re-import matches on (see the batch upserts): its purl; else its CPE; else
 *   `other` = `cyclonedx:<group>/<name>@<version>` (`cyclonedx-service:` for services). Not the bom-ref:
 *   tools often make bom-refs up per run (UUIDs, counters), so a regenerated SBOM of the same software
 *   would duplicate every asset; the coordinates are what stays the same.
 * - Components sharing a key (the same purl twice, e.g. one library vendored in two places) are one asset:
 *   the first occurrence's fields win, and every bom-ref of the group stands for it.
 * - `dependencies` (ref → dependsOn) become `depends-on` edges, repeated or self edges dropped. A component no
 *   edge reaches hangs off its parent (the component it is nested in, else the root) with `depends-on`.
 * - Suppliers, manufacturers and publishers become external organizations (relationship supplier, added to an
 *   existing organization's relationships), service providers likewise (service-provider); the asset is
 *   `provided-by` them.
 */
export const CYCLONEDX_SPEC_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6'] as const;

const MAX_NAME = 300;
const MAX_DESCRIPTION = 10_000;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

interface Node {
  path: string;
  isService: boolean;
  /** The asset key (purl, cpe or other id) this node stands for. */
  key: string;
  parentKey: string | null;
}

const fileError = (path: string, message: string): ImportFileError => new ImportFileError(`${path}: ${message}`, [{ line: null, path, message }]);

export function parseCycloneDx(content: string | Uint8Array): ParsedImport {
  const bom = parseJsonText(content, 'a CycloneDX SBOM');
  if (!isObject(bom) || bom.bomFormat !== 'CycloneDX') throw fileError('content.bomFormat', 'not a CycloneDX SBOM (bomFormat must be "CycloneDX"; only the JSON encoding is read)');
  if (!(CYCLONEDX_SPEC_VERSIONS as readonly unknown[]).includes(bom.specVersion)) {
    throw fileError('content.specVersion', `CycloneDX ${JSON.stringify(bom.specVersion)} is not supported (${CYCLONEDX_SPEC_VERSIONS.join(', ')} are)`);
  }
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const hasParts = (Array.isArray(bom.components) && bom.components.length > 0) || (Array.isArray(bom.services) && bom.services.length > 0);
  if (!hasParts) {
    const what = Array.isArray(bom.vulnerabilities) ? 'it only holds vulnerabilities (a VEX document); import the SBOM it refers to' : 'nothing to import';
    throw fileError('content.components', `the BOM has no components or services: ${what}`);
  }

  const parsed: ParsedImport = { format: 'cyclonedx', entity: null, columns: null, mapping: null, rows: 0, organizations: [], assets: [], dependencies: [], issues: [], invalid: 0 };
  const assetsByKey = new Map<string, Drafted<AssetDraft>>();
  const cpeOwner = new Map<string, string>();
  const byRef = new Map<string, Node>();
  const nodes: Node[] = [];
  const organizations = new Map<string, Drafted<OrganizationDraft>>();
  const edges = new Map<string, Drafted<DependencyDraft>>();
  const fail = (path: string, message: string): void => {
    parsed.issues.push({ line: null, path, message } satisfies ImportIssue);
    parsed.invalid++;
  };
  const addEdge = (path: string, source: string, target: string, type: DependencyDraft['type'], targetKind: 'asset' | 'organization'): void => {
    if (source === target) return;
    const id = `${source}\u0000${target}\u0000${type}`;
    if (!edges.has(id)) edges.set(id, { line: null, path, value: { source, target, type, targetKind } });
  };
  const addOrganization = (path: string, name: string | undefined, relationship: 'supplier' | 'service-provider', assetKey: string): void => {
    if (!name) return;
    const orgName = clip(name, 200);
    const known = organizations.get(orgName.toLowerCase());
    if (!known) organizations.set(orgName.toLowerCase(), { line: null, path, value: { name: orgName, relationshipTypes: [relationship], mergeRelationshipTypes: true } });
    else if (!known.value.relationshipTypes.includes(relationship)) known.value.relationshipTypes = [...known.value.relationshipTypes, relationship];
    addEdge(path, assetKey, known?.value.name ?? orgName, 'provided-by', 'organization');
  };

  const visit = (item: unknown, path: string, isService: boolean, parentKey: string | null): string | null => {
    parsed.rows++;
    if (!isObject(item)) {
      fail(path, 'expected an object');
      return null;
    }
    const name = text(item.name);
    if (!name) {
      fail(`${path}.name`, 'required');
      return null;
    }
    const group = text(item.group);
    const version = text(item.version);
    const coordinates = `${group ? `${group}/` : ''}${name}${version ? `@${version}` : ''}`;
    const purl = isService ? undefined : text(item.purl);
    let cpe = isService ? undefined : text(item.cpe);
    const key = purl ?? cpe ?? `${isService ? 'cyclonedx-service' : 'cyclonedx'}:${coordinates}`;
    if (cpe && cpeOwner.has(cpe) && cpeOwner.get(cpe) !== key) cpe = undefined; // the CPE is kept by the first asset that has it
    if (!assetsByKey.has(key)) {
      if (cpe) cpeOwner.set(cpe, key);
      const type = text(item.type);
      assetsByKey.set(key, {
        line: null,
        path,
        value: {
          kind: 'software',
          name: clip(coordinates, MAX_NAME),
          description: text(item.description) ? clip(text(item.description)!, MAX_DESCRIPTION) : null,
          tags: ['sbom', ...(isService ? ['service'] : type ? [clip(type, 100)] : [])],
          externalIds: purl || cpe ? { ...(purl ? { purl } : {}), ...(cpe ? { cpe } : {}) } : { other: clip(key, 500) },
        },
      });
    }
    const node: Node = { path, isService, key, parentKey };
    nodes.push(node);
    const ref = text(item['bom-ref']);
    if (ref) {
      if (byRef.has(ref)) fail(`${path}.bom-ref`, `bom-ref "${ref}" is used twice (also at ${byRef.get(ref)!.path})`);
      else byRef.set(ref, node);
    }
    const supplier = isObject(item.supplier) ? text(item.supplier.name) : undefined;
    const manufacturer = isObject(item.manufacturer) ? text(item.manufacturer.name) : undefined;
    const provider = isObject(item.provider) ? text(item.provider.name) : undefined;
    addOrganization(path, isService ? provider : (supplier ?? manufacturer ?? text(item.publisher)), isService ? 'service-provider' : 'supplier', key);
    const children = isService ? item.services : item.components;
    if (children !== undefined && !Array.isArray(children)) fail(`${path}.${isService ? 'services' : 'components'}`, 'expected an array');
    else (children ?? []).forEach((child, i) => visit(child, `${path}.${isService ? 'services' : 'components'}.${i}`, isService, key));
    return key;
  };

  const rootKey = metadata.component === undefined ? null : visit(metadata.component, 'content.metadata.component', false, null);
  const componentList = Array.isArray(bom.components) ? bom.components : [];
  const serviceList = Array.isArray(bom.services) ? bom.services : [];
  componentList.forEach((item, i) => visit(item, `content.components.${i}`, false, rootKey));
  serviceList.forEach((item, i) => visit(item, `content.services.${i}`, true, rootKey));

  const dependencies = bom.dependencies === undefined ? [] : bom.dependencies;
  if (!Array.isArray(dependencies)) throw fileError('content.dependencies', 'expected an array');
  dependencies.forEach((entry, i) => {
    parsed.rows++;
    const path = `content.dependencies.${i}`;
    if (!isObject(entry) || !text(entry.ref)) return fail(`${path}.ref`, 'required');
    const from = byRef.get(text(entry.ref)!);
    const problems: [string, string][] = [];
    if (!from) problems.push([`${path}.ref`, `no component or service has bom-ref "${String(entry.ref)}"`]);
    const targets = entry.dependsOn === undefined ? [] : entry.dependsOn;
    if (!Array.isArray(targets)) problems.push([`${path}.dependsOn`, 'expected an array of bom-refs']);
    const found = (Array.isArray(targets) ? targets : []).map((ref: unknown, j) => {
      const node = typeof ref === 'string' ? byRef.get(ref) : undefined;
      if (!node) problems.push([`${path}.dependsOn.${j}`, `no component or service has bom-ref ${JSON.stringify(ref)}`]);
      return node;
    });
    if (problems.length > 0) {
      parsed.invalid++;
      parsed.issues.push(...problems.map(([p, message]) => ({ line: null, path: p, message })));
      return;
    }
    for (const node of found) addEdge(path, from!.key, node!.key, 'depends-on', 'asset');
  });

  // Whatever no edge reaches hangs off its parent: first the tops of unreached parts, then the rest (cycles).
  const out = new Map<string, string[]>();
  const incoming = new Set<string>();
  for (const edge of edges.values()) {
    if (edge.value.type !== 'depends-on') continue;
    out.set(edge.value.source, [...(out.get(edge.value.source) ?? []), edge.value.target]);
    incoming.add(edge.value.target);
  }
  const reached = new Set<string>();
  const reach = (start: string): void => {
    const stack = [start];
    while (stack.length > 0) {
      const key = stack.pop()!;
      if (reached.has(key)) continue;
      reached.add(key);
      stack.push(...(out.get(key) ?? []));
    }
  };
  if (rootKey) reach(rootKey);
  for (const pass of [true, false]) {
    for (const node of nodes) {
      if (reached.has(node.key) || node.parentKey === null || (pass && incoming.has(node.key))) continue;
      addEdge(node.path, node.parentKey, node.key, 'depends-on', 'asset');
      reach(node.key);
    }
  }

  parsed.assets = [...assetsByKey.values()];
  parsed.organizations = [...organizations.values()];
  parsed.dependencies = [...edges.values()];
  return parsed;
}
