import type { EstateBuilder } from './demo-estate-builder.ts';

type Random = (n: number) => number;

/** Open-source components, by key, with their package URLs (what an SBOM import would bring). */
const LIBRARIES: [key: string, purl: string][] = [
  ['react', 'pkg:npm/react@18.3.1'],
  ['next', 'pkg:npm/next@14.2.20'],
  ['express', 'pkg:npm/express@4.21.2'],
  ['lodash', 'pkg:npm/lodash@4.17.21'],
  ['pg', 'pkg:npm/pg@8.13.1'],
  ['axios', 'pkg:npm/axios@1.7.9'],
  ['jsonwebtoken', 'pkg:npm/jsonwebtoken@9.0.2'],
  ['nodemailer', 'pkg:npm/nodemailer@6.9.16'],
  ['log4j', 'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1'],
  ['spring', 'pkg:maven/org.springframework/spring-core@6.1.14'],
  ['jackson', 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.18.2'],
  ['requests', 'pkg:pypi/requests@2.32.3'],
  ['pandas', 'pkg:pypi/pandas@2.2.3'],
  ['django', 'pkg:pypi/django@5.1.4'],
  ['x-crypto', 'pkg:golang/golang.org/x/crypto@v0.31.0'],
  ['grpc-go', 'pkg:golang/google.golang.org/grpc@v1.69.0'],
  ['openssl', 'pkg:deb/debian/openssl@3.0.15'],
  ['zlib', 'pkg:deb/debian/zlib@1.2.13'],
  ['helmet', 'pkg:npm/helmet@8.0.0'],
  ['express-session', 'pkg:npm/express-session@1.18.1'],
  ['ws', 'pkg:npm/ws@8.18.0'],
  ['numpy', 'pkg:pypi/numpy@2.2.1'],
  ['pgjdbc', 'pkg:maven/org.postgresql/postgresql@42.7.4'],
  ['prometheus', 'pkg:golang/github.com/prometheus/client_golang@v1.20.5'],
];

/** Platform software on the hosts, with CPE names. */
const PLATFORM: [key: string, name: string, cpe: string, hostRoles: string[]][] = [
  ['os-debian', 'Debian 12 base image', 'cpe:2.3:o:debian:debian_linux:12.8:*:*:*:*:*:*:*', ['web', 'api', 'app', 'db', 'build', 'mail', 'vpn']],
  ['sw-nginx', 'nginx', 'cpe:2.3:a:f5:nginx:1.26.2:*:*:*:*:*:*:*', ['web']],
  ['sw-postgres', 'PostgreSQL 15', 'cpe:2.3:a:postgresql:postgresql:15.10:*:*:*:*:*:*:*', ['db']],
  ['sw-openssh', 'OpenSSH server', 'cpe:2.3:a:openbsd:openssh:9.2:p1:*:*:*:*:*:*', ['mon']],
];

/** Applications: which services rely on them, where they run, what they use, and their components. */
const APPLICATIONS: [key: string, name: string, services: string[], runsOn: string[], uses: string[], libraries: string[], operator?: string][] = [
  ['app-proxy', 'Reverse proxy', [], ['web:3'], [], ['openssl']],
  ['app-storefront', 'Storefront web', ['svc-shop'], ['web:3'], ['app-proxy', 'cloud-cdn', 'app-shop-api'], ['react', 'next', 'axios', 'helmet']],
  ['app-shop-api', 'Shop API', ['svc-shop'], ['cloud-k8s'], ['st-catalogue', 'st-orders', 'st-customer', 'app-iam'], ['express', 'lodash', 'pg', 'jsonwebtoken', 'helmet', 'express-session']],
  ['app-checkout', 'Checkout service', ['svc-payments', 'svc-shop'], ['cloud-k8s'], ['app-pay-client', 'st-orders', 'app-tokenizer'], ['express', 'pg', 'axios']],
  ['app-pay-client', 'PayFlow gateway client', ['svc-payments'], ['cloud-k8s'], ['payflow', 'cloud-kms'], ['axios', 'x-crypto']],
  ['app-tokenizer', 'Card tokenizer', ['svc-payments'], ['app:2'], ['st-vault', 'st-secrets'], ['spring', 'jackson', 'log4j']],
  ['app-orders', 'Order service', ['svc-fulfilment', 'svc-shop'], ['cloud-k8s'], ['cloud-queue', 'st-orders', 'app-wms'], ['grpc-go', 'x-crypto']],
  ['app-wms', 'Warehouse management', ['svc-fulfilment'], ['app:1'], ['app-orders', 'parcelpost'], ['spring', 'jackson']],
  ['app-crm', 'CRM', ['svc-support', 'svc-marketing'], ['app:2'], ['st-customer', 'app-iam'], ['django', 'requests']],
  ['app-helpdesk', 'Helpdesk connector', ['svc-support'], ['cloud-k8s'], ['helpdeskly', 'st-tickets', 'app-crm'], ['requests']],
  ['app-support-desktop', 'Support desktop', ['svc-support'], ['ws:4'], ['app-helpdesk', 'app-crm'], []],
  ['app-hr', 'HR connector', ['svc-payroll'], ['app:1'], ['ledgerly', 'st-files'], ['requests', 'pandas']],
  ['app-erp', 'ERP finance', ['svc-finance', 'svc-payroll'], ['app:2'], ['st-ledger', 'app-hr'], ['spring', 'log4j', 'jackson', 'pgjdbc']],
  ['app-iam', 'Identity provider', ['svc-iam'], ['api:2'], ['st-secrets', 'st-customer', 'app-mail'], ['express', 'jsonwebtoken', 'openssl']],
  ['app-mail', 'Mail gateway', ['svc-email'], ['mail:2'], ['app-iam'], ['nodemailer', 'openssl']],
  ['app-vpn', 'VPN concentrator', ['svc-iam'], ['vpn:2'], ['app-iam', 'net-vpn'], ['openssl', 'zlib']],
  ['app-mobile-api', 'Mobile backend', ['svc-mobile'], ['api:2'], ['app-shop-api', 'app-iam'], ['express', 'axios', 'ws']],
  ['app-analytics', 'Analytics pipeline', ['svc-analytics'], ['cloud-k8s'], ['st-warehouse', 'st-orders'], ['pandas', 'requests', 'numpy']],
  ['app-campaigns', 'Campaign manager', ['svc-marketing'], ['cloud-k8s'], ['st-leads', 'app-mail'], ['django']],
  ['app-ci', 'CI/CD pipeline', ['svc-devops'], ['build:2'], ['st-git', 'st-secrets', 'cloud-k8s'], ['x-crypto', 'zlib']],
  ['app-monitoring', 'Monitoring', ['svc-devops'], ['mon:2'], [], ['grpc-go', 'prometheus'], 'bastion'],
  ['app-siem', 'SIEM', [], ['siem:2'], ['st-logs'], ['log4j', 'jackson'], 'bastion'],
  ['app-backup', 'Backup software', [], ['backup:2'], ['st-backup'], ['openssl', 'zlib'], 'bastion'],
];

/**
 * Software: applications, their open-source components and platform software, wired to the services
 * that rely on them and to the hosts and cloud resources they run on. "web:3" = three of the web hosts,
 * picked by the seeded random source.
 */
export function addSoftware(b: EstateBuilder, hosts: Record<string, string[]>, random: Random): void {
  for (const [key, purl] of LIBRARIES) b.asset(`lib-${key}`, { kind: 'software', name: purl.slice(purl.indexOf('/') + 1).replace(/@.*$/, ''), externalIds: { purl }, tags: ['open-source'] });
  for (const [key, name, cpe, roles] of PLATFORM) {
    b.asset(key, { kind: 'software', name, externalIds: { cpe } });
    for (const role of roles) for (const host of hosts[role] ?? []) b.edge(host, key, 'runs-on');
  }
  for (const [key, name, services, runsOn, uses, libraries, operator] of APPLICATIONS) {
    b.asset(key, { kind: 'software', name, status: 'in-use', ...(operator ? { operator } : {}), tags: operator ? ['managed'] : [] });
    for (const service of services) b.edge(service, key, 'depends-on');
    for (const place of runsOn) {
      const [role, count] = place.split(':') as [string, string?];
      if (!count) {
        b.edge(key, role, 'runs-on');
        continue;
      }
      const pool = [...(hosts[role] ?? [])];
      for (let i = 0; i < Number(count) && pool.length > 0; i++) b.edge(key, pool.splice(random(pool.length), 1)[0]!, 'runs-on');
    }
    for (const used of uses) b.edge(key, used, ['payflow', 'helpdeskly', 'ledgerly', 'parcelpost'].includes(used) ? 'provided-by' : used.startsWith('net-') ? 'connects-to' : 'depends-on');
    for (const library of libraries) b.edge(key, `lib-${library}`, 'depends-on');
  }
  // The monitoring and backup systems watch the data zone; the SIEM collects from the DMZ.
  b.edge('app-monitoring', 'net-data', 'connects-to').edge('app-siem', 'net-dmz', 'connects-to').edge('app-backup', 'net-data', 'connects-to');
}
