import { Button, Group, Paper, TextInput } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import type { AuditFilters } from './use-audit';

interface AuditFiltersFormProps {
  onApply: (filters: AuditFilters) => void;
  /** A 400 from the last search, to show its field errors next to the fields. */
  problem: ApiProblem | null;
}

interface FormValues {
  action: string;
  targetType: string;
  fromDate: string;
  toDate: string;
}

const EMPTY: FormValues = { action: '', targetType: '', fromDate: '', toDate: '' };

/** `2025-03-01` (a day in the browser's time zone) → the instant that day starts, plus `days`. */
function startOfLocalDay(date: string, days = 0): string | undefined {
  if (!date) return undefined;
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return undefined;
  return new Date(year, month - 1, day + days).toISOString();
}

/** The form's fields as API filters; the "to" day is inclusive, so the bound is the start of the next day. */
function toFilters(values: FormValues): AuditFilters {
  const filters: AuditFilters = {};
  if (values.action.trim()) filters.action = values.action.trim();
  if (values.targetType.trim()) filters.targetType = values.targetType.trim();
  const from = startOfLocalDay(values.fromDate);
  const to = startOfLocalDay(values.toDate, 1);
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}

export function AuditFiltersForm({ onApply, problem }: AuditFiltersFormProps) {
  const [values, setValues] = useState<FormValues>(EMPTY);
  const set = (field: keyof FormValues) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [field]: value }));
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onApply(toFilters(values));
  };
  const reset = (): void => {
    setValues(EMPTY);
    onApply({});
  };
  const isRangeInverted = values.fromDate !== '' && values.toDate !== '' && values.toDate < values.fromDate;

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} role="search" aria-label="Filter the audit trail">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label="Action"
          placeholder="token.* or member.added"
          description="Exact action, or a prefix ending in .*"
          value={values.action}
          onChange={set('action')}
          error={problem?.fieldMessage('action')}
          style={{ flex: '1 1 200px' }}
        />
        <TextInput
          label="Target type"
          placeholder="token, user…"
          description="What the action changed"
          value={values.targetType}
          onChange={set('targetType')}
          error={problem?.fieldMessage('targetType')}
          style={{ flex: '1 1 170px' }}
        />
        <TextInput label="From" type="date" description="First day, inclusive" value={values.fromDate} onChange={set('fromDate')} error={problem?.fieldMessage('from')} w={160} />
        <TextInput
          label="To"
          type="date"
          description="Last day, inclusive"
          value={values.toDate}
          onChange={set('toDate')}
          error={isRangeInverted ? 'Ends before it starts' : problem?.fieldMessage('to')}
          w={160}
        />
        <Group gap="sm" wrap="nowrap">
          <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />} disabled={isRangeInverted}>
            Apply
          </Button>
          <Button variant="default" onClick={reset}>
            Reset
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
