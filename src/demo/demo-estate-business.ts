import type { EstateBuilder } from './demo-estate-builder.ts';

/** Demo Corp's outside organizations. Every name is invented. */
export function addOrganizations(b: EstateBuilder): void {
  b.organization('nimbus', {
    name: 'Nimbus Cloud',
    relationshipTypes: ['cloud-provider', 'supplier'],
    criticality: 4,
    contacts: [{ name: 'Nimbus enterprise support', email: 'support@nimbus-cloud.example', role: 'support' }],
    contractStart: '2023-01-01',
    contractEnd: '2027-12-31',
    country: 'IE',
    website: 'https://nimbus-cloud.example',
    externalId: 'SUP-001',
    tags: ['iaas', 'paas'],
  });
  b.organization('bastion', {
    name: 'Bastion Managed Services',
    relationshipTypes: ['managed-service-provider'],
    criticality: 3,
    contacts: [{ name: 'Service desk', email: 'desk@bastion-ms.example', phone: '+33 1 00 00 00 00', role: 'service desk' }],
    contractStart: '2024-04-01',
    contractEnd: '2026-03-31',
    country: 'FR',
    externalId: 'SUP-002',
    notes: 'Runs monitoring, SIEM and backups 24/7.',
    tags: ['soc'],
  });
  b.organization('payflow', {
    name: 'PayFlow Processing',
    relationshipTypes: ['service-provider'],
    criticality: 4,
    contacts: [{ name: 'Merchant operations', email: 'merchants@payflow.example', role: 'operations' }],
    country: 'NL',
    externalId: 'SUP-003',
    notes: 'Card payment processor (PCI DSS level 1).',
    tags: ['pci'],
  });
  b.organization('ledgerly', { name: 'Ledgerly HR', relationshipTypes: ['service-provider', 'supplier'], criticality: 3, country: 'DE', externalId: 'SUP-004', notes: 'SaaS payroll and HR records.' });
  b.organization('helpdeskly', { name: 'Helpdeskly', relationshipTypes: ['service-provider'], criticality: 2, country: 'ES', externalId: 'SUP-005', tags: ['saas'] });
  b.organization('fibrelink', { name: 'Fibrelink Telecom', relationshipTypes: ['supplier'], criticality: 3, country: 'FR', externalId: 'SUP-006', notes: 'Internet transit and inter-site WAN.' });
  b.organization('parcelpost', { name: 'Parcelpost Logistics', relationshipTypes: ['partner'], criticality: 2, country: 'BE' });
  b.organization('regulator', { name: 'Office of the Data Commissioner', relationshipTypes: ['regulator'], criticality: 2, website: 'https://data-commissioner.example' });
  b.organization('csirt', {
    name: 'National Cyber Response Team',
    relationshipTypes: ['csirt'],
    criticality: 2,
    contacts: [{ name: 'Duty officer', email: 'duty@ncrt.example', phone: '+33 9 00 00 00 00' }],
  });
  b.organization('isac', { name: 'Retail Sector ISAC', relationshipTypes: ['sharing-peer'], criticality: 1, notes: 'Threat-information sharing among retailers (TLP:AMBER by default).' });
}

/** Business services and information: the primary assets, with owners and C/I/A on the default 1–4 scale. */
export function addPrimaryAssets(b: EstateBuilder): void {
  const service = (key: string, name: string, owner: string, c: number, i: number, a: number, rtoMinutes: number) =>
    b.asset(key, { kind: 'business-process', name, owner, confidentiality: c, integrity: i, availability: a, rtoMinutes, rpoMinutes: Math.min(rtoMinutes, 60), status: 'in-use' });
  service('svc-shop', 'Online shop', 'Head of E-commerce', 2, 3, 4, 60);
  service('svc-payments', 'Payments', 'Payments product owner', 4, 4, 4, 30);
  service('svc-support', 'Customer support', 'Head of Customer Care', 3, 2, 3, 240);
  service('svc-payroll', 'HR payroll', 'HR director', 4, 4, 2, 1440);
  service('svc-fulfilment', 'Order fulfilment', 'Head of Logistics', 2, 3, 3, 240);
  service('svc-marketing', 'Marketing campaigns', 'CMO', 2, 2, 1, 2880);
  service('svc-finance', 'Finance and accounting', 'CFO', 3, 4, 2, 1440);
  service('svc-iam', 'Identity and access', 'CISO', 3, 4, 4, 60);
  service('svc-email', 'Corporate email', 'CIO', 3, 3, 3, 240);
  service('svc-analytics', 'Data analytics', 'Head of Data', 3, 2, 1, 4320);
  service('svc-mobile', 'Mobile app', 'Head of E-commerce', 2, 3, 3, 120);
  service('svc-devops', 'Software delivery', 'CTO', 2, 4, 2, 1440);

  const info = (key: string, name: string, owner: string, c: number, i: number, a: number, tags: string[] = []) =>
    b.asset(key, { kind: 'information', name, owner, confidentiality: c, integrity: i, availability: a, tags });
  info('inf-pii', 'Customer PII', 'Data protection officer', 4, 3, 2, ['gdpr', 'pii']);
  info('inf-card', 'Card data', 'Payments product owner', 4, 4, 3, ['pci']);
  info('inf-payroll', 'Payroll data', 'HR director', 4, 4, 2, ['gdpr']);
  info('inf-orders', 'Order history', 'Head of E-commerce', 3, 3, 3);
  info('inf-catalogue', 'Product catalogue', 'Head of E-commerce', 1, 3, 3);
  info('inf-employees', 'Employee records', 'HR director', 4, 3, 1, ['gdpr', 'pii']);
  info('inf-ledger', 'Financial ledger', 'CFO', 3, 4, 2, ['sox']);
  info('inf-tickets', 'Support tickets', 'Head of Customer Care', 3, 2, 2, ['gdpr']);
  info('inf-leads', 'Marketing lists', 'CMO', 3, 2, 1, ['gdpr']);
  info('inf-credentials', 'Credentials and keys', 'CISO', 4, 4, 3, ['secrets']);
  info('inf-logs', 'Security logs', 'CISO', 3, 4, 2);
  info('inf-source', 'Source code', 'CTO', 3, 4, 2);

  const person = (key: string, name: string) => b.asset(key, { kind: 'person', name, location: 'Head office' });
  person('p-ciso', 'CISO');
  person('p-dba', 'Lead database administrator');
  person('p-payments-po', 'Payments product owner');
  person('p-hr', 'HR director');
  person('p-support', 'Support team lead');
  person('p-architect', 'Cloud architect');
  person('p-sre', 'On-call SRE');
  person('p-dpo', 'Data protection officer');
  person('p-payroll', 'Payroll officer');
  person('p-warehouse', 'Warehouse manager');

  // Who processes what, and which service needs which key person.
  const processes: [string, string[]][] = [
    ['svc-shop', ['inf-catalogue', 'inf-orders', 'inf-pii']],
    ['svc-payments', ['inf-card', 'inf-orders']],
    ['svc-support', ['inf-tickets', 'inf-pii', 'inf-orders']],
    ['svc-payroll', ['inf-payroll', 'inf-employees']],
    ['svc-fulfilment', ['inf-orders', 'inf-pii']],
    ['svc-marketing', ['inf-leads', 'inf-pii']],
    ['svc-finance', ['inf-ledger', 'inf-orders', 'inf-payroll']],
    ['svc-iam', ['inf-credentials', 'inf-employees']],
    ['svc-email', ['inf-employees']],
    ['svc-analytics', ['inf-orders', 'inf-pii', 'inf-leads']],
    ['svc-mobile', ['inf-catalogue', 'inf-orders']],
    ['svc-devops', ['inf-source', 'inf-credentials']],
  ];
  for (const [svc, infos] of processes) for (const inf of infos) b.edge(svc, inf, 'processes');
  for (const [svc, who] of [['svc-payments', 'p-payments-po'], ['svc-payroll', 'p-hr'], ['svc-support', 'p-support'], ['svc-iam', 'p-ciso'], ['svc-devops', 'p-sre'], ['inf-pii', 'p-dpo'], ['svc-payroll', 'p-payroll'], ['svc-fulfilment', 'p-warehouse']] as const) {
    b.edge(svc, who, 'depends-on');
  }
  // Services lean on each other: every customer-facing one needs identity, and identity needs email for recovery (a cycle).
  for (const svc of ['svc-shop', 'svc-payments', 'svc-support', 'svc-mobile', 'svc-finance', 'svc-payroll']) b.edge(svc, 'svc-iam', 'depends-on');
  b.edge('svc-iam', 'svc-email', 'depends-on');
  b.edge('svc-email', 'svc-iam', 'depends-on');
  b.edge('svc-shop', 'svc-payments', 'depends-on');
  b.edge('svc-mobile', 'svc-shop', 'depends-on');
  b.edge('svc-fulfilment', 'parcelpost', 'provided-by');
}
