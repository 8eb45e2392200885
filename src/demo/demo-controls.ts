import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { ZCreateControl } from '../risk/controls.schema.ts';
import { createControl } from '../risk/controls.service.ts';

/** A date `days` from today (YYYY-MM-DD): the demo's due dates stay in the future or the past, whenever it runs. */
const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A dozen of the demo company's own measures, in every state; three are overdue. */
const CONTROLS = [
  {
    refId: 'AC-01',
    title: 'Multi-factor authentication for all remote access',
    owner: 'IAM team',
    status: 'verified',
    effectiveness: 85,
    attributes: {
      controlTypes: ['preventive'],
      properties: ['confidentiality', 'integrity'],
      concepts: ['protect'],
      capabilities: ['identity-and-access-management'],
      domains: ['protection'],
    },
  },
  {
    refId: 'AC-02',
    title: 'Privileged access through a bastion with session recording',
    owner: 'IAM team',
    status: 'in-progress',
    dueDate: daysFromNow(-58),
    oneOffCost: 48000,
    yearlyCost: 12000,
    currency: 'EUR',
    effectiveness: 70,
    attributes: {
      controlTypes: ['preventive', 'detective'],
      concepts: ['protect', 'detect'],
      capabilities: ['identity-and-access-management'],
    },
  },
  {
    refId: 'AC-03',
    title: 'Quarterly restore tests of ledger and warehouse backups',
    owner: 'Platform team',
    status: 'implemented',
    effectiveness: 75,
    attributes: {
      controlTypes: ['corrective'],
      properties: ['availability', 'integrity'],
      concepts: ['recover'],
      capabilities: ['continuity'],
      domains: ['resilience'],
    },
  },
  {
    refId: 'AC-04',
    title: 'Central log collection and alerting in the SIEM',
    owner: 'SOC',
    status: 'verified',
    yearlyCost: 60000,
    currency: 'EUR',
    effectiveness: 60,
    attributes: {
      controlTypes: ['detective'],
      concepts: ['detect'],
      capabilities: ['information-security-event-management'],
      domains: ['defence'],
    },
  },
  {
    refId: 'AC-05',
    title: 'Patch critical vulnerabilities on internet-facing hosts within 7 days',
    owner: 'Infrastructure',
    status: 'implemented',
    effectiveness: 65,
    attributes: { controlTypes: ['preventive'], concepts: ['protect'], capabilities: ['threat-and-vulnerability-management'] },
  },
  {
    refId: 'AC-06',
    title: 'Software composition analysis on every build',
    owner: 'AppSec',
    status: 'in-progress',
    dueDate: daysFromNow(18),
    yearlyCost: 18000,
    currency: 'EUR',
    effectiveness: 50,
    attributes: {
      controlTypes: ['detective'],
      concepts: ['identify', 'detect'],
      capabilities: ['application-security', 'threat-and-vulnerability-management'],
    },
  },
  {
    refId: 'AC-07',
    title: 'Security clauses and yearly review of critical suppliers',
    owner: 'Procurement',
    status: 'planned',
    dueDate: daysFromNow(-150),
    effectiveness: 40,
    attributes: {
      controlTypes: ['preventive'],
      concepts: ['identify'],
      capabilities: ['supplier-relationships-security'],
      domains: ['governance-and-ecosystem'],
    },
  },
  {
    refId: 'AC-08',
    title: 'Card data tokenisation before storage',
    owner: 'Payments team',
    status: 'verified',
    effectiveness: 90,
    attributes: {
      controlTypes: ['preventive'],
      properties: ['confidentiality'],
      concepts: ['protect'],
      capabilities: ['information-protection'],
    },
  },
  {
    refId: 'AC-09',
    title: 'Incident response runbooks and a yearly exercise',
    owner: 'SOC',
    status: 'planned',
    dueDate: daysFromNow(124),
    attributes: {
      controlTypes: ['corrective'],
      concepts: ['respond'],
      capabilities: ['information-security-event-management'],
      domains: ['defence'],
    },
  },
  {
    refId: 'AC-10',
    title: 'Network segmentation between the DMZ and the application zone',
    owner: 'Network team',
    status: 'implemented',
    effectiveness: 55,
    attributes: {
      controlTypes: ['preventive'],
      concepts: ['protect'],
      capabilities: ['system-and-network-security'],
      domains: ['protection'],
    },
  },
  {
    refId: 'AC-11',
    title: 'Phishing awareness training every six months',
    owner: 'HR and Security',
    status: 'in-progress',
    dueDate: daysFromNow(-27),
    yearlyCost: 9000,
    currency: 'EUR',
    effectiveness: 30,
    attributes: { controlTypes: ['preventive'], concepts: ['protect'], capabilities: ['human-resource-security'] },
  },
  {
    refId: 'AC-12',
    title: 'Hardened configuration baselines for cloud workloads',
    owner: 'Platform team',
    status: 'planned',
    dueDate: daysFromNow(65),
    attributes: { controlTypes: ['preventive'], concepts: ['protect'], capabilities: ['secure-configuration'] },
  },
];

export async function seedDemoControls(store: Store, access: OrgAccess): Promise<void> {
  for (const control of CONTROLS) await createControl(store, access, ZCreateControl.parse(control));
}
