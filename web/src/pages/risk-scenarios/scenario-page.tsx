import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { orgPath } from '../../router/org-path';
import { navigate } from '../../router/router';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { BackLink, DetailPlaceholder } from '../inventory/detail-frame';
import { useRouteParam } from '../inventory/use-route-param';
import { useCriteriaList } from '../risk-criteria/use-risk-criteria';
import { FairCard } from '../risk-fair/fair-card';
import { AcceptanceCard } from './acceptance-card';
import { AssessmentCard } from './assessment-card';
import { HistoryTimeline } from './history-timeline';
import { IdentificationCard } from './identification-card';
import { ReviewCard } from './review-card';
import { ScenarioActions } from './scenario-actions';
import { EvaluationBadge, ScenarioStatusBadge } from './status-badges';
import { SuggestionCard } from './suggestion-card';
import { TreatmentCard } from './treatment-card';
import { useMemberList } from './use-member-list';
import { useCriteriaVersion, useScenario } from './use-scenarios';

/** One risk scenario through its life: identification, assessment, treatment, acceptance, review, history. */
export function ScenarioPage() {
  const { org } = useCurrentOrg();
  const scenarioId = useRouteParam('risk/scenarios/:scenarioId', 'scenarioId');
  const canWrite = can(org.role, 'risk:write');
  const scenario = useScenario(org.slug, scenarioId);
  const data = scenario.data;
  const criteria = useCriteriaVersion(org.slug, data?.criteria.id, data?.criteria.version);
  const members = useMemberList(org.slug, org.role);
  const criteriaSets = useCriteriaList(org.slug).data?.items;
  // Back to the register of the scenario's own set: the default set's register would not list it.
  const isOnOtherSet = data !== undefined && criteriaSets?.some((set) => set.id === data.criteria.id && !set.isDefault) === true;
  const back = {
    to: orgPath(org.slug, 'risk/scenarios') + (isOnOtherSet ? `?criteria=${data.criteria.id}` : ''),
    label: isOnOtherSet ? `Risk register (${data.criteria.name})` : 'Risk register',
  };
  if (!data) {
    return (
      <DetailPlaceholder
        back={back}
        title="Risk scenario"
        notFoundTitle="Risk scenario not found"
        error={scenario.error}
        isPending={scenario.isPending}
        what="risk scenario"
      />
    );
  }
  const definition = criteria.data?.definition;
  const reload = async () => (await scenario.refetch()).data;
  const memberNames = new Map((members.items ?? []).map((member) => [member.userId, member.name]));

  return (
    <Stack gap="md">
      <BackLink {...back} />
      <PageHeader
        title={`${data.refId}: ${data.title}`}
        description={
          <Group gap="xs" component="span" data-testid="scenario-header">
            <ScenarioStatusBadge status={data.status} size="md" />
            {data.evaluation && (
              <Text span size="sm" c="dimmed">
                evaluation
              </Text>
            )}
            <EvaluationBadge evaluation={data.evaluation} size="md" />
            <Text span size="sm" c="dimmed">
              version {data.version}
            </Text>
          </Group>
        }
        actions={
          canWrite && (
            <ScenarioActions orgSlug={org.slug} scenario={data} onReload={reload} onDeleted={() => navigate(back.to, { replace: true })} />
          )
        }
      />
      <IdentificationCard orgSlug={org.slug} scenario={data} />
      <AssessmentCard orgSlug={org.slug} scenario={data} definition={definition} canWrite={canWrite} onReload={reload} />
      <FairCard orgSlug={org.slug} scenarioId={data.id} refId={data.refId} canWrite={canWrite} />
      <SuggestionCard orgSlug={org.slug} scenario={data} />
      <TreatmentCard orgSlug={org.slug} scenario={data} canWrite={canWrite} onReload={reload} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <AcceptanceCard orgSlug={org.slug} scenario={data} definition={definition} onReload={reload} />
        <ReviewCard orgSlug={org.slug} scenario={data} canWrite={canWrite} onReload={reload} />
      </SimpleGrid>
      <HistoryTimeline orgSlug={org.slug} scenario={data} definition={definition} memberNames={memberNames} />
    </Stack>
  );
}
