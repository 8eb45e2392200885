import type { InventoryGraph } from '../graph.ts';
import { buildGraph } from './fixtures.ts';

/**
 * A small estate: payroll and HR data in a public cloud, a web shop on two hosts in one site that also
 * relies on a payment provider, which itself runs on the same cloud provider (a fourth party).
 */
export function supplyChainGraph(): InventoryGraph {
  return buildGraph(
    [
      { id: 'payroll', kind: 'business_process', isPrimary: true, confidentiality: 3, integrity: 3, availability: 2, criticality: 4 },
      { id: 'hr-data', kind: 'information', isPrimary: true, confidentiality: 4, integrity: 2, availability: 1, criticality: 3 },
      { id: 'web-shop', kind: 'service', isPrimary: true, confidentiality: 2, integrity: 3, availability: 4, criticality: 5 },
      { id: 'hr-app', kind: 'software' },
      { id: 'vm-hr', kind: 'cloud_resource' },
      { id: 'hr-db', kind: 'storage' },
      { id: 'vm-db', kind: 'cloud_resource' },
      { id: 'shop-app', kind: 'software' },
      { id: 'host-1', kind: 'host' },
      { id: 'host-2', kind: 'host' },
      { id: 'dc-paris', kind: 'site' },
      { id: 'lan', kind: 'network', availability: 3 },
      { id: 'stripe', kind: 'organization' },
      { id: 'aws', kind: 'organization' },
    ],
    [
      ['payroll', 'hr-app', 'depends_on'],
      ['payroll', 'hr-data', 'processes'],
      ['hr-app', 'vm-hr', 'runs_on'],
      ['vm-hr', 'aws', 'provided_by'],
      ['hr-data', 'hr-db', 'stores'],
      ['hr-db', 'vm-db', 'runs_on'],
      ['vm-db', 'aws', 'provided_by'],
      ['web-shop', 'shop-app', 'depends_on'],
      ['shop-app', 'host-1', 'runs_on'],
      ['shop-app', 'host-2', 'runs_on'],
      ['host-1', 'dc-paris', 'depends_on'],
      ['host-2', 'dc-paris', 'depends_on'],
      ['host-1', 'lan', 'connects_to'],
      ['shop-app', 'stripe', 'provided_by'],
      ['stripe', 'aws', 'provided_by'],
    ],
  );
}
