import { api, unwrap } from '../../api/client';
import { KIND_LABELS } from '../inventory/vocabulary';
import { RemoteMultiSelect, type PickOption } from '../../components/remote-multi-select';

interface PickerProps {
  orgSlug: string;
  value: string[];
  onChange: (ids: string[]) => void;
  known?: readonly PickOption[];
  error?: string;
}

const THREAT_KIND_LABELS: Record<string, string> = {
  source: 'risk source',
  event: 'threat event',
  technique: 'technique',
  group: 'group',
  software: 'software',
  tactic: 'tactic',
  mitigation: 'mitigation',
};

export const assetOption = (asset: { id: string; name: string; kind: string }): PickOption => ({
  value: asset.id,
  label: `${asset.name} (${KIND_LABELS[asset.kind as keyof typeof KIND_LABELS] ?? asset.kind})`,
});
export const threatOption = (threat: { id: string; name: string; kind: string; externalId: string | null }): PickOption => ({
  value: threat.id,
  label: `${threat.externalId ? `${threat.externalId} ` : ''}${threat.name} (${THREAT_KIND_LABELS[threat.kind] ?? threat.kind})`,
});
export const vulnerabilityOption = (vulnerability: { id: string; cveId: string | null; title: string }): PickOption => ({
  value: vulnerability.id,
  label:
    vulnerability.cveId && vulnerability.cveId !== vulnerability.title
      ? `${vulnerability.cveId} ${vulnerability.title}`
      : vulnerability.title,
});
export const controlOption = (control: { id: string; refId: string | null; title: string }): PickOption => ({
  value: control.id,
  label: `${control.refId ? `${control.refId} ` : ''}${control.title}`,
});

const withQ = (q: string): { q?: string } => (q ? { q } : {});

export function AssetsPicker({ orgSlug, ...props }: PickerProps) {
  return (
    <RemoteMultiSelect
      label="Assets"
      description="What the scenario harms or goes through"
      queryKey={['org', orgSlug, 'risk-picker', 'assets']}
      search={async (q) =>
        (
          await unwrap(api.GET('/api/orgs/{org}/assets', { params: { path: { org: orgSlug }, query: { limit: 20, ...withQ(q) } } }))
        ).items.map(assetOption)
      }
      {...props}
    />
  );
}

export function ThreatsPicker({ orgSlug, ...props }: PickerProps) {
  return (
    <RemoteMultiSelect
      label="Threats"
      description="Threat events, ATT&CK techniques, groups…"
      queryKey={['org', orgSlug, 'risk-picker', 'threats']}
      search={async (q) =>
        (
          await unwrap(api.GET('/api/orgs/{org}/threats', { params: { path: { org: orgSlug }, query: { limit: 50, ...withQ(q) } } }))
        ).items.map(threatOption)
      }
      {...props}
    />
  );
}

export function VulnerabilitiesPicker({ orgSlug, ...props }: PickerProps) {
  return (
    <RemoteMultiSelect
      label="Vulnerabilities"
      description="CVE id or title"
      queryKey={['org', orgSlug, 'risk-picker', 'vulnerabilities']}
      search={async (q) =>
        (
          await unwrap(
            api.GET('/api/orgs/{org}/vulnerabilities', { params: { path: { org: orgSlug }, query: { limit: 50, ...withQ(q) } } }),
          )
        ).items.map(vulnerabilityOption)
      }
      {...props}
    />
  );
}

export function ControlsPicker({ orgSlug, label, description, ...props }: PickerProps & { label: string; description: string }) {
  return (
    <RemoteMultiSelect
      label={label}
      description={description}
      queryKey={['org', orgSlug, 'risk-picker', 'controls']}
      search={async (q) =>
        (
          await unwrap(api.GET('/api/orgs/{org}/controls', { params: { path: { org: orgSlug }, query: { limit: 50, ...withQ(q) } } }))
        ).items.map(controlOption)
      }
      {...props}
    />
  );
}
