import { api, unwrap } from '../../api/client';
import { assetOption } from '../risk-scenarios/link-pickers';
import { RemoteMultiSelect } from '../../components/remote-multi-select';
import type { Vulnerability } from './vulnerability-types';

interface AffectedAssetsPickerProps {
  orgSlug: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** The assets already affected (their names, which a search may not return). */
  known: Vulnerability['assets'];
  error?: string;
}

/** The affected assets, searched on the server by name or external id (20 at a time, as the inventory's pickers do). */
export function AffectedAssetsPicker({ orgSlug, known, ...props }: AffectedAssetsPickerProps) {
  return (
    <RemoteMultiSelect
      label="Affected assets"
      description="Type to search the inventory by name or external id"
      queryKey={['org', orgSlug, 'vulnerabilities', 'asset-picker']}
      search={async (q) =>
        (
          await unwrap(api.GET('/api/orgs/{org}/assets', { params: { path: { org: orgSlug }, query: { limit: 20, ...(q ? { q } : {}) } } }))
        ).items.map(assetOption)
      }
      known={known.map(assetOption)}
      {...props}
    />
  );
}
