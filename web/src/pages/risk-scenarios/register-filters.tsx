import { Button, Group, MultiSelect, Paper, Select, Stack, Switch } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Member } from '../../api/api-types';
import type { CriteriaSummary } from '../risk-criteria/use-risk-criteria';
import { criteriaOptions, defaultCriteriaId } from './criteria-options';
import { DebouncedTextInput } from '../inventory/debounced-text-input';
import { EVALUATION_LABELS, options, STATUS_LABELS, TREATMENT_LABELS } from './scenario-labels';
import type { Evaluation, ScenarioStatus, TreatmentOption } from './scenario-types';
import { CellFilterChip } from './cell-filter-chip';
import { isFiltered, type RegisterView } from './use-register-view';

interface RegisterFiltersProps {
  view: RegisterView;
  /** The organization's criteria sets: with more than one, a picker chooses the set the register shows. */
  criteriaSets: readonly CriteriaSummary[];
  /** Shows another set ('' = the default). */
  onShowCriteria: (criteriaId: string) => void;
  /** The risk levels of the criteria shown, lowest first. */
  levels: readonly { name: string }[];
  likelihoodNames: readonly string[];
  consequenceNames: readonly string[];
  /** Null when the signed-in role may not list members: the owner filter is then left out. */
  members: readonly Member[] | null;
  onChange: (change: Partial<Omit<RegisterView, 'page'>>, options?: { replace?: boolean }) => void;
  onReset: () => void;
}

const isRefinement = (before: string, after: string): boolean => before !== '' && after !== '';

/** Search and filters of the register; every change lands in the URL, and the heat maps and report follow. */
export function RegisterFilters({
  view,
  criteriaSets,
  onShowCriteria,
  levels,
  likelihoodNames,
  consequenceNames,
  members,
  onChange,
  onReset,
}: RegisterFiltersProps) {
  const defaultId = defaultCriteriaId(criteriaSets);
  const levelOptions = levels.map((level, index) => ({ value: String(index), label: level.name }));
  const toLevels = (values: string[]): number[] => values.map(Number);
  return (
    <Paper withBorder radius="md" p="md" role="search" aria-label="Search and filter the risk register">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          {criteriaSets.length > 1 && (
            <Select
              label="Criteria"
              data={criteriaOptions(criteriaSets)}
              value={view.criteria || defaultId}
              // The default set stays out of the URL, so a plain link keeps following the organization's default.
              onChange={(value) => value && onShowCriteria(value === defaultId ? '' : value)}
              allowDeselect={false}
              // Set names run long ("Group 5×5 (default)"): the list opens as wide as its longest name.
              comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
              w={230}
            />
          )}
          <DebouncedTextInput
            label="Search"
            placeholder="Reference or title"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={view.q}
            onSettle={(q) => q !== view.q && onChange({ q }, { replace: isRefinement(view.q, q) })}
            style={{ flex: '2 1 200px' }}
            maxLength={200}
          />
          <MultiSelect
            label="Current level"
            placeholder={view.level.length ? undefined : 'Any'}
            data={levelOptions}
            value={view.level.map(String)}
            onChange={(values) => onChange({ level: toLevels(values) })}
            clearable
            w={170}
          />
          <MultiSelect
            label="Residual level"
            placeholder={view.residualLevel.length ? undefined : 'Any'}
            data={levelOptions}
            value={view.residualLevel.map(String)}
            onChange={(values) => onChange({ residualLevel: toLevels(values) })}
            clearable
            w={170}
          />
          <MultiSelect
            label="Status"
            placeholder={view.status.length ? undefined : 'Any'}
            data={options(STATUS_LABELS)}
            value={view.status}
            onChange={(values) => onChange({ status: values as ScenarioStatus[] })}
            clearable
            w={190}
          />
          {members && (
            <Select
              label="Owner"
              placeholder="Anyone"
              data={members.map((member) => ({ value: member.userId, label: member.name }))}
              value={view.ownerId || null}
              onChange={(value) => onChange({ ownerId: value ?? '' })}
              searchable
              clearable
              w={170}
            />
          )}
          <MultiSelect
            label="Treatment"
            placeholder={view.treatment.length ? undefined : 'Any'}
            data={options(TREATMENT_LABELS)}
            value={view.treatment}
            onChange={(values) => onChange({ treatment: values as TreatmentOption[] })}
            clearable
            w={170}
          />
          <Select
            label="Evaluation"
            placeholder="Any"
            data={options(EVALUATION_LABELS)}
            value={view.evaluation ?? null}
            onChange={(value) => onChange({ evaluation: (value as Evaluation | null) ?? undefined })}
            clearable
            w={140}
          />
          <Switch
            label="Review overdue"
            checked={view.reviewOverdue}
            onChange={(e) => onChange({ reviewOverdue: e.currentTarget.checked })}
            mb={8}
          />
          <Switch
            label="Acceptance expired"
            checked={view.acceptanceExpired}
            onChange={(e) => onChange({ acceptanceExpired: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
        {isFiltered(view) && (
          <Group gap="sm" wrap="wrap" align="center">
            <CellFilterChip
              cell={view.cell}
              likelihoodNames={likelihoodNames}
              consequenceNames={consequenceNames}
              onRemove={() => onChange({ cell: '' })}
            />
            <Button variant="subtle" size="xs" onClick={onReset} ml="auto">
              Clear all filters
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
