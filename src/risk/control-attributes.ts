/**
 * The ISO/IEC 27002:2022 control attribute vocabulary (value lists only), as Bulwark spells it (kebab-case).
 * An applied control carries any of them; the organization adds its own tags beside them.
 */
export const CONTROL_TYPES = ['preventive', 'detective', 'corrective'] as const;
export const SECURITY_PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;
export const CYBERSECURITY_CONCEPTS = ['identify', 'protect', 'detect', 'respond', 'recover'] as const;
export const OPERATIONAL_CAPABILITIES = [
  'governance',
  'asset-management',
  'information-protection',
  'human-resource-security',
  'physical-security',
  'system-and-network-security',
  'application-security',
  'secure-configuration',
  'identity-and-access-management',
  'threat-and-vulnerability-management',
  'continuity',
  'supplier-relationships-security',
  'legal-and-compliance',
  'information-security-event-management',
  'information-security-assurance',
] as const;
export const SECURITY_DOMAINS = ['governance-and-ecosystem', 'protection', 'defence', 'resilience'] as const;

/** An applied control's life: planned, being put in place, in place, and checked to work. */
export const CONTROL_STATUSES = ['planned', 'in-progress', 'implemented', 'verified'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
