import type { AssetUpsert } from '../inventory/assets-batch.ts';
import type { DependencyUpsert } from '../inventory/dependencies-batch.ts';
import type { ExternalOrganizationUpsert } from '../inventory/external-orgs-batch.ts';
import type { DependencyType } from '../inventory/vocabulary.ts';

/** A deterministic pseudo-random source (mulberry32): the demo is the same on every start. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

type AssetSpec = Omit<AssetUpsert, 'externalIds' | 'operatorId'> & { operator?: string; externalIds?: AssetUpsert['externalIds'] };

/**
 * Collects an estate by key (assets, external organizations, dependencies between keys) and resolves the
 * keys to ids once the batch services have created them.
 */
export class EstateBuilder {
  readonly organizations = new Map<string, ExternalOrganizationUpsert>();
  readonly assets = new Map<string, AssetSpec>();
  readonly edges: [string, string, DependencyType][] = [];
  private readonly edgeKeys = new Set<string>();

  organization(key: string, spec: ExternalOrganizationUpsert): this {
    this.organizations.set(key, spec);
    return this;
  }

  asset(key: string, spec: AssetSpec): string {
    if (this.assets.has(key)) throw new Error(`demo asset ${key} declared twice`);
    this.assets.set(key, spec);
    return key;
  }

  /** Adds source → target once (a repeated edge is ignored); self-loops are skipped. */
  edge(source: string, target: string, type: DependencyType): this {
    const key = `${source}|${target}|${type}`;
    if (source !== target && !this.edgeKeys.has(key)) {
      this.edgeKeys.add(key);
      this.edges.push([source, target, type]);
    }
    return this;
  }

  /** Assets for upsertAssets; every one gets a CMDB id so re-seeding would match, not duplicate. */
  assetItems(orgIds: ReadonlyMap<string, string>): AssetUpsert[] {
    return [...this.assets.entries()].map(([key, spec], i) => {
      const { operator, externalIds, ...rest } = spec;
      const operatorId = operator ? orgIds.get(operator) : null;
      if (operator && !operatorId) throw new Error(`demo asset ${key} names unknown operator ${operator}`);
      return { ...rest, operatorId, externalIds: { cmdbId: `CMDB-${String(i + 1).padStart(4, '0')}`, ...externalIds } };
    });
  }

  edgeItems(ids: ReadonlyMap<string, string>): DependencyUpsert[] {
    return this.edges.map(([source, target, type]) => {
      const sourceId = ids.get(source);
      const targetId = ids.get(target);
      if (!sourceId || !targetId) throw new Error(`demo edge ${source} → ${target} names an unknown key`);
      return { sourceId, targetId, type };
    });
  }
}
