/*
 * Demo Corp's risk register: forty scenarios over the demo estate, in every state a register holds — just
 * identified, assessed, in treatment, treated, accepted (two acceptances lapsed), closed, some overdue for
 * review. Ratings are [likelihood, consequence], zero-based on the Standard 5×5 criteria (Rare…Almost certain,
 * Negligible…Severe). Assets and outside organizations are named as the estate names them, controls by their
 * reference (demo-controls.ts), people by their role in the demo team. Every name and story is invented.
 */

export type DemoPerson = 'admin' | 'risk' | 'compliance' | 'ir';

export interface DemoRisk {
  title: string;
  description?: string;
  approach: 'asset-based' | 'event-based';
  owner: DemoPerson;
  /** Event-based: the risk source (a demo threat source), what it wants, and its path by asset/org names. */
  source?: string;
  desiredEndState?: string;
  path?: string[];
  assets?: string[];
  threats?: string[];
  vulnerabilities?: string[];
  existing?: string[];
  inherent?: [number, number];
  current?: [number, number];
  target?: [number, number];
  knowledge?: 'low' | 'medium' | 'high';
  rationale?: string;
  treatment?: { option: 'avoid' | 'modify' | 'share' | 'retain'; justification: string; planned: string[] };
  /** Accepted by whom (their authority comes from the criteria), for how long; `lapsed`: already expired. */
  accept?: { by: DemoPerson; justification: string; conditions?: string; days: number; lapsed?: boolean };
  reviewOverdue?: boolean;
  closed?: boolean;
  tags?: string[];
}

/** Who or what may cause harm (threat sources, with their category) and what may happen (threat events). */
export const DEMO_THREAT_SOURCES: [name: string, category: string, description: string][] = [
  ['Ransomware affiliate', 'criminal', 'Financially motivated group renting a ransomware kit; buys initial access.'],
  ['Card-skimming crew', 'criminal', 'Injects scripts into checkout pages to steal card numbers.'],
  ['State-sponsored espionage group', 'nation-state', 'Patient, well-funded; after intellectual property and credentials.'],
  ['Hacktivist collective', 'hacktivist', 'Defaces sites and floods them during campaigns.'],
  ['Disgruntled employee', 'insider-malicious', 'A leaver or someone passed over, with legitimate access.'],
  ['Careless staff member', 'insider-accidental', 'Misaddresses mail, misconfigures storage, clicks links.'],
  ['Compromised supplier', 'supplier', 'A supplier whose own systems or build chain are breached.'],
  ['Unscrupulous competitor', 'competitor', 'Scrapes prices and poaches customer lists.'],
  ['Flood or fire', 'natural-environmental', 'Physical damage to a site or data centre.'],
  ['Hardware or software failure', 'technical-failure', 'Disk, power, software defect or expired certificate.'],
];

export const DEMO_THREAT_EVENTS: [name: string, description: string][] = [
  ['Ransomware encrypts servers', 'Files and databases encrypted; a ransom demanded.'],
  ['Phishing steals credentials', 'A convincing mail leads staff to a fake sign-in page.'],
  ['Exploitation of an internet-facing flaw', 'A known vulnerability in an exposed service is used to get in.'],
  ['Data exfiltration', 'Bulk copying of data out of the organization.'],
  ['Malicious code in a software dependency', 'A library or build tool ships attacker code.'],
  ['Denial of service', 'Traffic floods exhaust the front ends or the network.'],
  ['Storage exposed by misconfiguration', 'A bucket or share readable from the internet.'],
  ['Checkout script injection', 'A web skimmer added to payment pages.'],
  ['Cloud region outage', 'The provider loses a region or a critical managed service.'],
  ['Accidental deletion', 'Data or configuration removed by mistake.'],
  ['Business email compromise', 'A mailbox taken over to divert payments.'],
  ['Loss of a site', 'A site made unusable for days.'],
];

/** Vulnerabilities the demo tracks: real CVE identifiers and vectors (facts), on demo assets. */
export const DEMO_VULNERABILITIES: { cveId: string; title: string; cvssVector: string; epssScore?: number; assets: string[]; status?: string }[] = [
  { cveId: 'CVE-2021-44228', title: 'Log4Shell in Apache Log4j 2', cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', epssScore: 0.94358, assets: ['app-03', 'app-04'] },
  { cveId: 'CVE-2023-4966', title: 'Session token leak in a VPN appliance', cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', epssScore: 0.94, assets: ['vpn-01', 'vpn-02'] },
  { cveId: 'CVE-2024-3094', title: 'Backdoor in xz/liblzma', cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', assets: ['build-01'], status: 'fixed' },
  { cveId: 'CVE-2023-44487', title: 'HTTP/2 rapid reset', cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', epssScore: 0.82, assets: ['web-01', 'web-02', 'web-03'] },
  { cveId: 'CVE-2024-6387', title: 'regreSSHion in OpenSSH', cvssVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', epssScore: 0.38, assets: ['mail-01', 'mail-02'] },
];

const r = (title: string, risk: Omit<DemoRisk, 'title'>): DemoRisk => ({ title, ...risk });

export const DEMO_RISKS: DemoRisk[] = [
  // Event-based: sources, what they want, and how they would get there through the ecosystem.
  r('Ransomware halts order taking and fulfilment', {
    approach: 'event-based', owner: 'admin', source: 'Ransomware affiliate', desiredEndState: 'Extort a ransom by stopping sales',
    path: ['Remote-access VPN', 'Corporate LAN', 'Application zone', 'orders-db'], threats: ['Ransomware encrypts servers', 'Phishing steals credentials'],
    existing: ['AC-01', 'AC-03', 'AC-04'], inherent: [4, 4], current: [3, 4], target: [1, 3], knowledge: 'high',
    rationale: 'Retail peers hit twice this year; restore tested but takes two days.',
    treatment: { option: 'modify', justification: 'Segment and harden admin access so one foothold cannot reach the data zone.', planned: ['AC-02', 'AC-10', 'AC-09'] },
  }),
  r('Card data skimmed from the checkout', {
    approach: 'event-based', owner: 'risk', source: 'Card-skimming crew', desiredEndState: 'Sell card numbers', path: ['DMZ (internet-facing)', 'Online shop', 'Payments'],
    threats: ['Checkout script injection'], existing: ['AC-08'], inherent: [3, 4], current: [2, 3], target: [1, 3], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'Dependency scanning on every build keeps injected code out.', planned: ['AC-06'] },
  }),
  r('Espionage through a compromised build pipeline', {
    approach: 'event-based', owner: 'admin', source: 'State-sponsored espionage group', desiredEndState: 'Persistent access to source code and secrets',
    path: ['git-repositories', 'Software delivery', 'secrets-vault'], threats: ['Malicious code in a software dependency'], vulnerabilities: ['CVE-2024-3094'],
    existing: ['AC-05'], inherent: [2, 4], current: [2, 3], target: [1, 3], knowledge: 'low', rationale: 'Little evidence of targeting; impact would be wide.',
    treatment: { option: 'modify', justification: 'Composition analysis and hardened runners.', planned: ['AC-06', 'AC-12'] },
  }),
  r('Hacktivist flood takes the shop offline during sales', {
    approach: 'event-based', owner: 'risk', source: 'Hacktivist collective', desiredEndState: 'Public embarrassment during Black Friday', path: ['Internet edge', 'Fibrelink Telecom', 'nimbus-cdn', 'Online shop'],
    threats: ['Denial of service'], vulnerabilities: ['CVE-2023-44487'], inherent: [3, 3], current: [2, 2], target: [2, 2], knowledge: 'medium',
    treatment: { option: 'share', justification: 'DDoS protection is in the CDN contract with Nimbus; residual within appetite.', planned: [] },
    accept: { by: 'risk', justification: 'CDN absorbs floods seen so far; a few hours of degraded service is tolerable.', conditions: 'Re-assess before the next sales season.', days: 300 },
  }),
  r('Payroll data stolen through the HR provider', {
    approach: 'event-based', owner: 'compliance', source: 'Compromised supplier', desiredEndState: 'Resell employee identities', path: ['Ledgerly HR', 'Payroll data'],
    threats: ['Data exfiltration'], existing: ['AC-07'], inherent: [2, 3], current: [2, 3], target: [1, 3], knowledge: 'low',
    treatment: { option: 'modify', justification: 'Contract clauses and a yearly security review of Ledgerly.', planned: ['AC-07'] },
  }),
  r('Leaver copies the customer list to a competitor', {
    approach: 'event-based', owner: 'risk', source: 'Disgruntled employee', desiredEndState: 'Take customers to a new employer', path: ['Support workstation 03', 'customer-db', 'Customer PII'],
    threats: ['Data exfiltration'], inherent: [2, 3], current: [2, 3], knowledge: 'medium',
  }),
  r('Competitor scrapes the catalogue and prices', {
    approach: 'event-based', owner: 'risk', source: 'Unscrupulous competitor', desiredEndState: 'Undercut prices in real time', path: ['Online shop', 'Product catalogue'],
    inherent: [4, 0], current: [4, 0], knowledge: 'high',
    accept: { by: 'risk', justification: 'Prices are public anyway; blocking scrapers costs more than it saves.', days: 300 },
  }),
  r('Payment diverted by a compromised finance mailbox', {
    approach: 'event-based', owner: 'admin', source: 'Ransomware affiliate', desiredEndState: 'Divert a supplier payment', path: ['Corporate email', 'Finance and accounting'],
    threats: ['Business email compromise', 'Phishing steals credentials'], existing: ['AC-01'], inherent: [3, 3], current: [2, 3], target: [1, 2], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'Awareness training and call-back checks for bank detail changes.', planned: ['AC-11'] },
  }),
  r('Flood at Data centre South', {
    approach: 'event-based', owner: 'admin', source: 'Flood or fire', desiredEndState: 'None (natural event)', path: ['Data centre South'], threats: ['Loss of a site'],
    existing: ['AC-03'], inherent: [1, 4], current: [1, 3], target: [1, 3], knowledge: 'medium',
    accept: { by: 'admin', justification: 'Workloads fail over to Data centre North; tested last spring.', conditions: 'Yearly fail-over test.', days: 150 },
  }),
  r('Nimbus eu-west-1 outage stops the shop and mobile app', {
    approach: 'event-based', owner: 'risk', source: 'Hardware or software failure', desiredEndState: 'None (failure)', path: ['Nimbus Cloud', 'nimbus-k8s-prod', 'Online shop', 'Mobile app'],
    threats: ['Cloud region outage'], inherent: [2, 3], current: [2, 3], target: [1, 2], knowledge: 'medium', reviewOverdue: true,
    treatment: { option: 'modify', justification: 'Hardened, reproducible cluster configuration makes a second region possible.', planned: ['AC-12'] },
  }),
  r('Espionage group harvests credentials through the VPN', {
    approach: 'event-based', owner: 'admin', source: 'State-sponsored espionage group', desiredEndState: 'Long-term access to corporate mail', path: ['Remote-access VPN', 'Corporate email'],
    threats: ['Exploitation of an internet-facing flaw'], vulnerabilities: ['CVE-2023-4966'], existing: ['AC-01', 'AC-05'], inherent: [3, 3], current: [1, 3], target: [1, 3], knowledge: 'high',
    treatment: { option: 'modify', justification: 'Appliance patched within the 7-day window; MFA on every session.', planned: ['AC-05'] },
  }),
  r('Careless upload exposes support tickets', {
    approach: 'event-based', owner: 'compliance', source: 'Careless staff member', desiredEndState: 'None (error)', path: ['Helpdeskly', 'tickets-export', 'Support tickets'],
    threats: ['Storage exposed by misconfiguration'], inherent: [2, 2], current: [2, 2], target: [1, 2], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'Configuration baselines forbid public buckets.', planned: ['AC-12'] },
  }),

  // Asset-based: an asset, what threatens it, through which weakness.
  r('Log4Shell on the order application servers', {
    approach: 'asset-based', owner: 'risk', assets: ['app-03', 'app-04'], threats: ['Exploitation of an internet-facing flaw'], vulnerabilities: ['CVE-2021-44228'],
    existing: ['AC-05'], inherent: [4, 3], current: [2, 3], target: [1, 3], knowledge: 'high',
    treatment: { option: 'modify', justification: 'Patched and behind segmentation.', planned: ['AC-05', 'AC-10'] },
  }),
  r('OpenSSH flaw on the mail relays', {
    approach: 'asset-based', owner: 'ir', assets: ['mail-01', 'mail-02'], threats: ['Exploitation of an internet-facing flaw'], vulnerabilities: ['CVE-2024-6387'],
    inherent: [2, 2], current: [2, 2], target: [1, 2], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'Patch within the critical window.', planned: ['AC-05'] },
  }),
  r('Card vault database compromise', {
    approach: 'asset-based', owner: 'admin', assets: ['card-vault'], threats: ['Data exfiltration'], existing: ['AC-08', 'AC-04'], inherent: [2, 4], current: [1, 3], target: [1, 3], knowledge: 'high',
    accept: { by: 'admin', justification: 'Tokenisation leaves little of value; PCI assessed.', days: 170 },
  }),
  r('Customer database exposed through the application zone', {
    approach: 'asset-based', owner: 'risk', assets: ['customer-db'], threats: ['Data exfiltration', 'Exploitation of an internet-facing flaw'], existing: ['AC-04'],
    inherent: [3, 4], current: [3, 3], target: [1, 3], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'Segment the data zone and route admin access through the bastion.', planned: ['AC-10', 'AC-02'] },
  }),
  r('Secrets vault unavailable blocks deployments', {
    approach: 'asset-based', owner: 'ir', assets: ['secrets-vault'], threats: ['Accidental deletion'], existing: ['AC-03'], inherent: [2, 2], current: [1, 2], knowledge: 'high',
    accept: { by: 'risk', justification: 'Restored from backup in under an hour in tests.', days: 200, lapsed: true },
  }),
  r('Backup vault encrypted together with production', {
    approach: 'asset-based', owner: 'admin', assets: ['backup-vault'], threats: ['Ransomware encrypts servers'], existing: ['AC-03'], inherent: [3, 4], current: [2, 4], target: [1, 4], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'Privileged access through the bastion keeps backup admin credentials out of reach.', planned: ['AC-02'] },
  }),
  r('Ledger database tampering', {
    approach: 'asset-based', owner: 'compliance', assets: ['ledger-db'], threats: ['Data exfiltration'], existing: ['AC-04'], inherent: [1, 4], current: [1, 3], target: [1, 3], knowledge: 'medium',
    accept: { by: 'admin', justification: 'Dual control on postings; logs reviewed monthly.', days: 120, lapsed: true },
  }),
  r('Git repositories leak source code', {
    approach: 'asset-based', owner: 'risk', assets: ['git-repositories'], threats: ['Data exfiltration'], inherent: [2, 3], current: [2, 2], target: [1, 2], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'MFA everywhere and central logging of clones.', planned: ['AC-01', 'AC-04'] },
  }),
  r('Phishing on support workstations', {
    approach: 'asset-based', owner: 'compliance', assets: ['Support workstation 01', 'Support workstation 02', 'Support workstation 03'], threats: ['Phishing steals credentials'], existing: ['AC-01'],
    inherent: [4, 2], current: [3, 2], target: [2, 1], knowledge: 'high',
    treatment: { option: 'modify', justification: 'Twice-yearly awareness training.', planned: ['AC-11'] },
  }),
  r('HR file share readable by all staff', {
    approach: 'asset-based', owner: 'compliance', assets: ['HR file share'], threats: ['Storage exposed by misconfiguration'], inherent: [3, 3], current: [3, 3], knowledge: 'low',
  }),
  r('Marketing lists kept beyond consent', {
    approach: 'asset-based', owner: 'compliance', assets: ['marketing-lists', 'Marketing lists'], inherent: [3, 2], current: [3, 2], target: [1, 1], knowledge: 'medium',
    treatment: { option: 'avoid', justification: 'Stop buying third-party lists; purge records older than consent.', planned: [] },
  }),
  r('Analytics warehouse holds unmasked customer data', {
    approach: 'asset-based', owner: 'risk', assets: ['analytics-warehouse'], threats: ['Data exfiltration'], inherent: [2, 3], current: [2, 3], knowledge: 'low',
  }),
  r('Monitoring blind spot at Bastion Managed Services', {
    approach: 'asset-based', owner: 'ir', assets: ['mon-01', 'siem-01'], existing: ['AC-04'], inherent: [2, 2], current: [1, 2], knowledge: 'medium', reviewOverdue: true,
    accept: { by: 'risk', justification: 'Contractual SLA with monthly reporting.', days: 360 },
  }),
  r('Web front ends overwhelmed by HTTP/2 rapid reset', {
    approach: 'asset-based', owner: 'ir', assets: ['web-01', 'web-02', 'web-03'], threats: ['Denial of service'], vulnerabilities: ['CVE-2023-44487'], existing: ['AC-05'],
    inherent: [3, 2], current: [1, 2], target: [1, 2], knowledge: 'high',
    treatment: { option: 'modify', justification: 'Patched front ends.', planned: ['AC-05'] },
  }),
  r('Payroll run fails at month end', {
    approach: 'asset-based', owner: 'compliance', assets: ['HR payroll'], threats: ['Cloud region outage'], inherent: [1, 2], current: [1, 2], knowledge: 'medium',
    accept: { by: 'risk', justification: 'Manual fallback payment procedure exists.', days: 330 },
  }),
  r('Warehouse scanners lose the network', {
    approach: 'asset-based', owner: 'ir', assets: ['Warehouse East'], threats: ['Loss of a site'], inherent: [2, 1], current: [2, 1], knowledge: 'medium',
    accept: { by: 'risk', justification: 'Paper picking lists cover a day.', days: 340 },
  }),
  r('Managed Postgres failure loses recent orders', {
    approach: 'asset-based', owner: 'risk', assets: ['nimbus-managed-postgres', 'orders-db'], threats: ['Cloud region outage'], existing: ['AC-03'], inherent: [2, 3], current: [1, 3], target: [1, 2], knowledge: 'medium',
    treatment: { option: 'modify', justification: 'Point-in-time recovery tested quarterly.', planned: ['AC-03'] },
  }),
  r('Identity provider outage locks everyone out', {
    approach: 'asset-based', owner: 'admin', assets: ['Identity and access'], inherent: [2, 4], current: [2, 3], target: [1, 3], knowledge: 'medium', reviewOverdue: true,
    treatment: { option: 'modify', justification: 'Break-glass accounts and runbooks exercised yearly.', planned: ['AC-09'] },
  }),
  r('Expired TLS certificate on the payment API', {
    approach: 'asset-based', owner: 'ir', assets: ['api-01', 'api-02'], inherent: [3, 2], current: [1, 2], knowledge: 'high',
  }),
  r('Insider misuse of the card vault', {
    approach: 'asset-based', owner: 'admin', assets: ['card-vault', 'Card data'], threats: ['Data exfiltration'], existing: ['AC-08'], inherent: [1, 4], current: [1, 2], knowledge: 'medium',
  }),
  r('Mobile app store account takeover', {
    approach: 'asset-based', owner: 'risk', assets: ['Mobile app'], threats: ['Phishing steals credentials'], inherent: [1, 3], current: [1, 3], knowledge: 'low', reviewOverdue: true,
  }),
  r('Order queue backlog delays shipping', {
    approach: 'asset-based', owner: 'ir', assets: ['nimbus-order-queue'], threats: ['Cloud region outage'], inherent: [2, 1], current: [2, 1], knowledge: 'medium',
  }),
  r('Payments provider outage', {
    approach: 'asset-based', owner: 'risk', assets: ['Payments'], threats: ['Cloud region outage'], inherent: [2, 3], current: [2, 3], target: [2, 2], knowledge: 'medium',
    treatment: { option: 'share', justification: 'Penalties and fail-over in the PayFlow contract; supplier reviews yearly.', planned: ['AC-07'] },
  }),
  // Just identified: named, not yet analysed.
  r('Deepfake voice call to the finance team', { approach: 'event-based', owner: 'admin', source: 'Ransomware affiliate', desiredEndState: 'Authorise an urgent transfer', path: ['Finance and accounting'], threats: ['Business email compromise'] }),
  r('Loss of the on-call SRE', { approach: 'asset-based', owner: 'risk', assets: ['On-call SRE', 'Software delivery'] }),
  r('Unpatched nodes in the Kubernetes cluster', { approach: 'asset-based', owner: 'ir', assets: ['nimbus-k8s-prod'], threats: ['Exploitation of an internet-facing flaw'] }),
  r('Personal data in security logs kept too long', { approach: 'asset-based', owner: 'compliance', assets: ['log-archive', 'Security logs'] }),
  // No longer relevant: kept for the record.
  r('Legacy fax server exposure', { approach: 'asset-based', owner: 'ir', assets: ['Corporate LAN'], inherent: [1, 1], current: [0, 1], knowledge: 'high', closed: true }),
  r('Loyalty programme points fraud', { approach: 'event-based', owner: 'risk', source: 'Card-skimming crew', desiredEndState: 'Cash out loyalty points', path: ['Marketing campaigns'], inherent: [2, 1], current: [1, 1], knowledge: 'medium', closed: true }),
];
