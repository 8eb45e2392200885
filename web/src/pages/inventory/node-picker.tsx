import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useExternalOrganizations } from './use-inventory';
import { KIND_LABELS } from './vocabulary';

interface NodePickerProps {
  orgSlug: string;
  label: string;
  description?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Offer outside organizations as well as assets. */
  withOrganizations: boolean;
  /** Never offered (the asset itself: no self-loops). */
  excludeId?: string;
  error?: string;
  /** Marked required (the default: a dependency needs both ends); a path step being added is not. */
  required?: boolean;
}

/**
 * Picks an asset (searched on the server, 20 at a time, so it stays fast at 100,000 assets) or an outside
 * organization (filtered in the browser: there are few).
 */
export function NodePicker({
  orgSlug,
  label,
  description,
  value,
  onChange,
  withOrganizations,
  excludeId,
  error,
  required = true,
}: NodePickerProps) {
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const isSearchingSelection = selected !== null && search === selected.label;
  const query = isSearchingSelection ? '' : q;
  const assets = useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'assets', 'picker', query],
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs/{org}/assets', { params: { path: { org: orgSlug }, query: { limit: 20, ...(query ? { q: query } : {}) } } }),
      ),
    placeholderData: keepPreviousData,
  });
  const organizations = useExternalOrganizations(orgSlug);

  const assetOptions = (assets.data?.items ?? [])
    .filter((asset) => asset.id !== excludeId)
    .map((asset) => ({ value: asset.id, label: `${asset.name} (${KIND_LABELS[asset.kind]})` }));
  const needle = query.toLowerCase();
  const organizationOptions = withOrganizations
    ? (organizations.data?.items ?? [])
        .filter((organization) => organization.name.toLowerCase().includes(needle))
        .map((organization) => ({ value: organization.id, label: `${organization.name} (outside organization)` }))
    : [];
  const known = new Set([...assetOptions, ...organizationOptions].map((option) => option.value));
  const extra = selected && !known.has(selected.value) ? [selected] : [];
  const data = [
    { group: 'Assets', items: [...assetOptions, ...extra] },
    ...(organizationOptions.length > 0 ? [{ group: 'Outside organizations', items: organizationOptions }] : []),
  ];

  return (
    <Select
      label={label}
      description={description}
      placeholder="Type to search by name or external id"
      required={required}
      searchable
      clearable
      data={data}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id, option) => {
        setSelected(id ? { value: id, label: option?.label ?? id } : null);
        onChange(id);
      }}
      nothingFoundMessage={assets.isFetching ? 'Searching…' : 'Nothing found'}
      maxDropdownHeight={280}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
