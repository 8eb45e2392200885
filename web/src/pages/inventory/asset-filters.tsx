import { Button, Group, Paper, Select } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ExternalOrganization } from './inventory-types';
import type { AssetListView } from './use-asset-list-url';
import { DebouncedTextInput } from './debounced-text-input';
import { CATEGORY_OPTIONS, isAssetKind, isCategory, isSort, isStatus, KIND_OPTIONS, SORT_OPTIONS, STATUS_OPTIONS } from './vocabulary';

interface AssetFiltersProps {
  view: AssetListView;
  organizations: readonly ExternalOrganization[];
  onChange: (change: Partial<Omit<AssetListView, 'cursor'>>, options?: { replace?: boolean }) => void;
  onReset: () => void;
}

/**
 * Typing refines a search: it replaces the history entry, so Back does not replay every pause in typing. Starting
 * or clearing a search adds an entry, so Back returns to the view before it.
 */
const isRefinement = (before: string, after: string): boolean => before !== '' && after !== '';

/** Search, filters and sort of the inventory table; every change lands in the URL. */
export function AssetFilters({ view, organizations, onChange, onReset }: AssetFiltersProps) {
  const isFiltered =
    view.q !== '' ||
    view.kind !== undefined ||
    view.category !== undefined ||
    view.status !== undefined ||
    view.tag !== '' ||
    view.operatorId !== '';
  const operatorOptions = organizations.map((organization) => ({ value: organization.id, label: organization.name }));
  return (
    <Paper withBorder radius="md" p="md" role="search" aria-label="Search and filter the inventory">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DebouncedTextInput
          label="Search"
          placeholder="Name, word of a name, or external id"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={view.q}
          onSettle={(q) => q !== view.q && onChange({ q }, { replace: isRefinement(view.q, q) })}
          style={{ flex: '2 1 240px' }}
          maxLength={200}
        />
        <Select
          label="Kind"
          placeholder="Any"
          data={KIND_OPTIONS}
          value={view.kind ?? null}
          onChange={(value) => onChange({ kind: isAssetKind(value) ? value : undefined })}
          clearable
          w={200}
        />
        <Select
          label="Category"
          placeholder="Any"
          data={CATEGORY_OPTIONS}
          value={view.category ?? null}
          onChange={(value) => onChange({ category: isCategory(value) ? value : undefined })}
          clearable
          w={135}
        />
        <Select
          label="Status"
          placeholder="Any"
          data={STATUS_OPTIONS}
          value={view.status ?? null}
          onChange={(value) => onChange({ status: isStatus(value) ? value : undefined })}
          clearable
          w={150}
        />
        <DebouncedTextInput
          label="Tag"
          placeholder="Exact tag"
          value={view.tag}
          onSettle={(tag) => tag !== view.tag && onChange({ tag }, { replace: isRefinement(view.tag, tag) })}
          w={130}
          maxLength={100}
        />
        <Select
          label="Operated by"
          placeholder="Anyone"
          data={operatorOptions}
          value={view.operatorId || null}
          onChange={(value) => onChange({ operatorId: value ?? '' })}
          searchable
          clearable
          nothingFoundMessage="No outside organization by that name"
          w={200}
        />
        <Select
          label="Sort"
          data={SORT_OPTIONS}
          value={view.sort}
          onChange={(value) => isSort(value) && onChange({ sort: value })}
          allowDeselect={false}
          w={215}
        />
        {isFiltered && (
          <Button variant="subtle" onClick={onReset}>
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
