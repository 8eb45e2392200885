import { Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../lib/format';
import type { CriteriaDefinition } from '../risk-criteria/use-risk-criteria';
import { SectionCard } from '../inventory/section-card';
import { ACTION_LABELS, FIELD_LABELS, formatHistoryValue } from './history-values';
import type { Scenario } from './scenario-types';
import { useScenarioHistory } from './use-scenarios';

interface HistoryTimelineProps {
  orgSlug: string;
  scenario: Scenario;
  definition: CriteriaDefinition | undefined;
  /** Member ids → names, for owners named in the history. */
  memberNames: ReadonlyMap<string, string>;
}

/** Every id the page can put a name to: what the scenario names now, and the members. */
function namesOf(scenario: Scenario, memberNames: ReadonlyMap<string, string>): Map<string, string> {
  const names = new Map(memberNames);
  if (scenario.owner) names.set(scenario.owner.id, scenario.owner.name);
  if (scenario.riskSource) names.set(scenario.riskSource.id, scenario.riskSource.name);
  for (const step of scenario.path) names.set(step.id, step.name);
  for (const asset of scenario.assets) names.set(asset.id, asset.name);
  for (const threat of scenario.threats) names.set(threat.id, threat.name);
  for (const vulnerability of scenario.vulnerabilities) names.set(vulnerability.id, vulnerability.cveId ?? vulnerability.title);
  for (const control of [...scenario.existingControls, ...(scenario.treatment?.plannedControls ?? [])])
    names.set(control.id, control.refId ? `${control.refId} ${control.title}` : control.title);
  return names;
}

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && Object.keys(value).length === 0);

/** The scenario's history, newest first: who did what when, and each changed field before → after. */
export function HistoryTimeline({ orgSlug, scenario, definition, memberNames }: HistoryTimelineProps) {
  const history = useScenarioHistory(orgSlug, scenario.id);
  // What the server named (everything the history mentions that still exists) wins over what the page knows.
  const names = new Map([...namesOf(scenario, memberNames), ...Object.entries(history.data?.names ?? {})]);
  const items = [...(history.data?.items ?? [])].reverse();
  return (
    <SectionCard title="History" description="Newest first. Things deleted since show by their id." testId="history-card">
      <ProblemAlert error={history.error} title="Could not load the history" />
      {history.isPending && <Skeleton height={120} />}
      {items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={items.length}>
          {items.map((entry) => (
            <Timeline.Item
              key={entry.seq}
              data-testid="history-entry"
              title={
                <Text fw={700} size="sm">
                  {ACTION_LABELS[entry.action] ?? entry.action}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {entry.actor} · {formatDateTime(entry.at)}
              </Text>
              {entry.note && (
                <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
                  “{entry.note}”
                </Text>
              )}
              <Stack gap={0} mt={2} component="ul" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
                {Object.entries(entry.changes)
                  .filter(([, [, after]]) => entry.action !== 'created' || !isEmpty(after))
                  .map(([field, [before, after]]) => (
                    <Text key={field} size="sm" component="li" style={{ overflowWrap: 'anywhere' }}>
                      <Text span fw={600}>
                        {FIELD_LABELS[field] ?? field}:
                      </Text>{' '}
                      {entry.action === 'created' ? (
                        formatHistoryValue(field, after, names, definition)
                      ) : (
                        <>
                          <Text span c="dimmed">
                            {formatHistoryValue(field, before, names, definition)}
                          </Text>{' '}
                          → {formatHistoryValue(field, after, names, definition)}
                        </>
                      )}
                    </Text>
                  ))}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}
