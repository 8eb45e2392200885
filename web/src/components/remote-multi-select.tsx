import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export interface PickOption {
  value: string;
  label: string;
}

interface RemoteMultiSelectProps {
  label: string;
  description?: string;
  placeholder?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Labels of values chosen before (pre-filled, or being edited) that a search may not return. */
  known?: readonly PickOption[];
  /** Identifies the search in the query cache, e.g. ['org', slug, 'risk-picker', 'threats']. */
  queryKey: readonly unknown[];
  /** The options matching a search ('' = the first ones), fetched from the server. */
  search: (q: string) => Promise<PickOption[]>;
  error?: string;
}

/**
 * A multi-select searched on the server (so it stays fast with thousands of threats or assets); the chosen
 * values keep their labels whatever the current search returns.
 */
export function RemoteMultiSelect({
  label,
  description,
  placeholder,
  value,
  onChange,
  known = [],
  queryKey,
  search,
  error,
}: RemoteMultiSelectProps) {
  const [searchText, setSearchText] = useState('');
  const [chosenLabels, setChosenLabels] = useState<ReadonlyMap<string, string>>(new Map());
  const [q] = useDebouncedValue(searchText.trim(), 250);
  const results = useQuery({ queryKey: [...queryKey, q], queryFn: () => search(q), placeholderData: keepPreviousData });
  const found = results.data ?? [];
  const foundIds = new Set(found.map((option) => option.value));
  const labelOf = (id: string): string => chosenLabels.get(id) ?? known.find((option) => option.value === id)?.label ?? id;
  const data = [...found, ...value.filter((id) => !foundIds.has(id)).map((id) => ({ value: id, label: labelOf(id) }))];

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? (placeholder ?? 'Type to search') : undefined}
      searchable
      clearable
      hidePickedOptions
      data={data}
      filter={({ options }) => options}
      searchValue={searchText}
      onSearchChange={setSearchText}
      value={value}
      onChange={(ids) => {
        const labels = new Map(chosenLabels);
        for (const option of found) if (ids.includes(option.value)) labels.set(option.value, option.label);
        setChosenLabels(labels);
        onChange(ids);
      }}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'Nothing found'}
      maxDropdownHeight={260}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
