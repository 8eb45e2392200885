import type { EstateBuilder } from './demo-estate-builder.ts';

type Random = (n: number) => number;

/** Sites and network segments, with an internet-facing DMZ; segments connect both ways (cycles). */
function addSitesAndNetworks(b: EstateBuilder): void {
  for (const [key, name, location] of [
    ['site-hq', 'Head office', 'Lyon'],
    ['site-dc1', 'Data centre North', 'Lille'],
    ['site-dc2', 'Data centre South', 'Marseille'],
    ['site-warehouse', 'Warehouse East', 'Strasbourg'],
    ['site-support', 'Support centre', 'Nantes'],
  ] as const) {
    b.asset(key, { kind: 'site', name, location });
  }
  const nets: [string, string, string?][] = [
    ['net-internet', 'Internet edge', 'Public transit links'],
    ['net-dmz', 'DMZ (internet-facing)', 'Reverse proxies and web front ends'],
    ['net-app', 'Application zone'],
    ['net-data', 'Data zone'],
    ['net-mgmt', 'Management network'],
    ['net-corp', 'Corporate LAN'],
    ['net-vpn', 'Remote-access VPN'],
    ['net-wan', 'Inter-site WAN'],
    ['net-cloud', 'Nimbus VPC peering'],
  ];
  for (const [key, name, description] of nets) b.asset(key, { kind: 'network', name, description: description ?? null, tags: key === 'net-dmz' ? ['internet-facing'] : [] });
  const links: [string, string][] = [
    ['net-internet', 'net-dmz'],
    ['net-dmz', 'net-app'],
    ['net-app', 'net-data'],
    ['net-corp', 'net-app'],
    ['net-vpn', 'net-corp'],
    ['net-mgmt', 'net-data'],
    ['net-app', 'net-cloud'],
    ['net-corp', 'net-wan'],
  ];
  for (const [a, c] of links) b.edge(a, c, 'connects-to').edge(c, a, 'connects-to');
  b.edge('net-internet', 'fibrelink', 'provided-by').edge('net-wan', 'fibrelink', 'provided-by').edge('net-cloud', 'nimbus', 'provided-by');
}

/** Hosts in the two data centres, each in a network zone; returns their keys by role. */
function addHosts(b: EstateBuilder, random: Random): Record<string, string[]> {
  const roles: [role: string, count: number, zone: string, operator?: string][] = [
    ['web', 8, 'net-dmz'],
    ['api', 4, 'net-app'],
    ['app', 10, 'net-app'],
    ['db', 6, 'net-data'],
    ['build', 2, 'net-app'],
    ['mail', 2, 'net-dmz'],
    ['vpn', 2, 'net-dmz'],
    ['mon', 2, 'net-mgmt', 'bastion'],
    ['siem', 2, 'net-mgmt', 'bastion'],
    ['backup', 2, 'net-data', 'bastion'],
    ['ws', 10, 'net-corp'],
  ];
  const byRole: Record<string, string[]> = {};
  for (const [role, count, zone, operator] of roles) {
    byRole[role] = [];
    for (let i = 1; i <= count; i++) {
      const key = `host-${role}-${i}`;
      const site = role === 'ws' ? 'site-hq' : i % 2 === 1 ? 'site-dc1' : 'site-dc2';
      const name = role === 'ws' ? `Support workstation ${String(i).padStart(2, '0')}` : `${role}-${String(i).padStart(2, '0')}`;
      b.asset(key, { kind: 'host', name, location: site === 'site-hq' ? 'Head office' : site === 'site-dc1' ? 'Data centre North' : 'Data centre South', ...(operator ? { operator } : {}), status: random(15) === 0 ? 'being-retired' : 'in-use' });
      b.edge(key, site, 'depends-on').edge(key, zone, 'connects-to');
      if (role === 'db' || role === 'backup') b.edge(key, 'p-dba', 'depends-on');
      byRole[role]!.push(key);
    }
  }
  b.edge('host-ws-1', 'site-support', 'depends-on');
  return byRole;
}

/** Nimbus Cloud resources (operated by Nimbus), a cluster they share, and Demo Corp's own storage. */
function addCloudAndStorage(b: EstateBuilder): void {
  b.asset('cloud-k8s', { kind: 'cloud-resource', name: 'nimbus-k8s-prod', operator: 'nimbus', location: 'nimbus eu-west-1', tags: ['kubernetes'] });
  b.edge('cloud-k8s', 'nimbus', 'provided-by').edge('cloud-k8s', 'net-cloud', 'connects-to');
  for (let i = 1; i <= 30; i++) {
    const key = `cloud-node-${i}`;
    b.asset(key, { kind: 'cloud-resource', name: `nimbus-node-${String(i).padStart(2, '0')}`, operator: 'nimbus', location: i % 2 ? 'nimbus eu-west-1a' : 'nimbus eu-west-1b' });
    b.edge('cloud-k8s', key, 'runs-on');
  }
  for (const [key, name] of [
    ['cloud-lb', 'nimbus-load-balancer'],
    ['cloud-cdn', 'nimbus-cdn'],
    ['cloud-queue', 'nimbus-order-queue'],
    ['cloud-kms', 'nimbus-kms'],
    ['cloud-objects', 'nimbus-object-store'],
    ['cloud-warehouse', 'nimbus-analytics-warehouse'],
    ['cloud-sql', 'nimbus-managed-postgres'],
  ] as const) {
    b.asset(key, { kind: 'cloud-resource', name, operator: 'nimbus' });
    b.edge(key, 'nimbus', 'provided-by');
  }
  b.edge('cloud-cdn', 'cloud-lb', 'depends-on').edge('cloud-lb', 'cloud-k8s', 'depends-on');
  const stores: [key: string, name: string, runsOn: string[], holds: string[]][] = [
    ['st-customer', 'customer-db', ['host-db-1', 'host-db-2'], ['inf-pii']],
    ['st-vault', 'card-vault', ['host-db-3'], ['inf-card']],
    ['st-orders', 'orders-db', ['cloud-sql'], ['inf-orders']],
    ['st-catalogue', 'catalogue-db', ['cloud-sql'], ['inf-catalogue']],
    ['st-ledger', 'ledger-db', ['host-db-4', 'host-db-5'], ['inf-ledger']],
    ['st-tickets', 'tickets-export', ['cloud-objects'], ['inf-tickets']],
    ['st-leads', 'marketing-lists', ['cloud-objects'], ['inf-leads']],
    ['st-secrets', 'secrets-vault', ['host-db-6', 'cloud-kms'], ['inf-credentials']],
    ['st-logs', 'log-archive', ['host-siem-1', 'host-siem-2'], ['inf-logs']],
    ['st-git', 'git-repositories', ['host-build-1'], ['inf-source']],
    ['st-backup', 'backup-vault', ['host-backup-1', 'host-backup-2'], ['inf-pii', 'inf-ledger', 'inf-orders']],
    ['st-warehouse', 'analytics-warehouse', ['cloud-warehouse'], ['inf-orders', 'inf-leads']],
    ['st-files', 'HR file share', ['host-app-8'], ['inf-employees']],
  ];
  for (const [key, name, runsOn, holds] of stores) {
    b.asset(key, { kind: 'storage', name, tags: holds.includes('inf-card') ? ['pci'] : [] });
    for (const host of runsOn) b.edge(key, host, 'runs-on');
    for (const info of holds) b.edge(info, key, 'stores');
  }
  b.edge('inf-payroll', 'ledgerly', 'provided-by').edge('inf-employees', 'ledgerly', 'provided-by').edge('inf-tickets', 'helpdeskly', 'provided-by');
}

export function addInfrastructure(b: EstateBuilder, random: Random): Record<string, string[]> {
  addSitesAndNetworks(b);
  const hosts = addHosts(b, random);
  addCloudAndStorage(b);
  return hosts;
}
