import { Group, Paper, Select, Switch } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { DebouncedTextInput } from '../inventory/debounced-text-input';
import { CATEGORY_LABELS, isIn, KIND_FILTER_LABELS, options } from './threat-labels';
import type { RiskSourceCategory, ThreatKind } from './threat-types';

export interface ThreatFilterValues {
  kind: ThreatKind | undefined;
  category: RiskSourceCategory | undefined;
  q: string;
  includeDeprecated: boolean;
}

export const NO_THREAT_FILTERS: ThreatFilterValues = { kind: undefined, category: undefined, q: '', includeDeprecated: false };

const KIND_OPTIONS = options(KIND_FILTER_LABELS);
const CATEGORY_OPTIONS = options(CATEGORY_LABELS);
const isKind = isIn(KIND_FILTER_LABELS);
const isCategory = isIn(CATEGORY_LABELS);

/** Kind, risk-source category, text, and whether deprecated entries show. A category implies risk sources. */
export function ThreatFilters({ value, onChange }: { value: ThreatFilterValues; onChange: (next: ThreatFilterValues) => void }) {
  const canHaveCategory = value.kind === undefined || value.kind === 'source';
  return (
    <Paper withBorder radius="md" p="md">
      <Group align="flex-end" gap="md">
        <DebouncedTextInput
          label="Search"
          placeholder="Name or ATT&CK id"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={value.q}
          onSettle={(q) => onChange({ ...value, q })}
          w={260}
        />
        <Select
          label="Kind"
          placeholder="All kinds"
          data={KIND_OPTIONS}
          value={value.kind ?? null}
          onChange={(kind) => {
            const next = isKind(kind) ? kind : undefined;
            onChange({ ...value, kind: next, category: next === undefined || next === 'source' ? value.category : undefined });
          }}
          clearable
          w={180}
        />
        <Select
          label="Risk source category"
          placeholder="Any"
          data={CATEGORY_OPTIONS}
          value={value.category ?? null}
          onChange={(category) => onChange({ ...value, category: isCategory(category) ? category : undefined })}
          disabled={!canHaveCategory}
          clearable
          w={220}
        />
        <Switch
          label="Show deprecated"
          checked={value.includeDeprecated}
          onChange={(event) => onChange({ ...value, includeDeprecated: event.currentTarget.checked })}
          mb={8}
        />
      </Group>
    </Paper>
  );
}
