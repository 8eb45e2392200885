import { Alert, Anchor, Button, Center, Group, Loader, Pagination, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { orgPath } from '../../router/org-path';
import { linkProps, navigate } from '../../router/router';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { useCriteria, useCriteriaList } from '../risk-criteria/use-risk-criteria';
import { HeatMapsPanel } from './heat-maps-panel';
import { NewScenarioModal } from './new-scenario-modal';
import { RegisterFilters } from './register-filters';
import { RegisterTable } from './register-table';
import { ReportLinks } from './report-links';
import { useMemberList } from './use-member-list';
import { cellText, isFiltered, toRegisterQuery, useRegisterView } from './use-register-view';
import { REGISTER_PAGE_SIZE, useRegister } from './use-scenarios';

const count = new Intl.NumberFormat('en');

/** The risk register: every scenario of the criteria set shown, filtered, sorted and paged, with its heat maps. */
export function RiskRegisterPage() {
  const { org } = useCurrentOrg();
  const canWrite = can(org.role, 'risk:write');
  const { view, update, showCriteria, goToPage, reset, isNewOpen, newForAssetId, openNew, closeNew } = useRegisterView(org.slug);
  const register = useRegister(org.slug, toRegisterQuery(view));
  const criteriaSets = useCriteriaList(org.slug).data?.items;
  // A link may name a set this organization does not have (another tenant's, or mistyped): the API says 404.
  const isUnknownSet = view.criteria !== '' && criteriaSets !== undefined && !criteriaSets.some((set) => set.id === view.criteria);
  const criteria = useCriteria(org.slug, register.data?.criteria?.id ?? null);
  const members = useMemberList(org.slug, org.role);
  const data = register.data;
  const items = data?.items ?? [];
  const definition = criteria.data?.definition;
  const first = (view.page - 1) * REGISTER_PAGE_SIZE + 1;
  const pages = data ? Math.max(1, Math.ceil(data.total / REGISTER_PAGE_SIZE)) : 1;

  return (
    <Stack gap="md">
      <PageHeader
        title="Risk register"
        description="Risk scenarios: what could happen, how bad it is before and after your controls, and what is being done about it."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openNew}>
              New scenario
            </Button>
          )
        }
      />
      {data && data.criteria === null && (
        <Alert color="yellow" title="No risk criteria yet">
          Scenarios are rated on risk criteria. <Anchor {...linkProps(orgPath(org.slug, 'risk/criteria'))}>Define them first</Anchor>.
        </Alert>
      )}
      {isUnknownSet && (
        <Alert color="yellow" title="No such risk criteria">
          The criteria set this link names is not one of this organization’s.{' '}
          <Anchor component="button" type="button" onClick={() => showCriteria('')}>
            Show the default set
          </Anchor>
          .
        </Alert>
      )}
      <RegisterFilters
        view={view}
        criteriaSets={criteriaSets ?? []}
        onShowCriteria={showCriteria}
        levels={definition?.levels ?? []}
        likelihoodNames={definition?.likelihood.map((level) => level.name) ?? []}
        consequenceNames={definition?.consequence.map((level) => level.name) ?? []}
        members={members.items}
        onChange={update}
        onReset={reset}
      />
      {data?.criteria && <HeatMapsPanel orgSlug={org.slug} view={view} onSelect={(cell) => update({ cell: cellText(cell) })} />}
      <Stack gap="xs" component="section" aria-labelledby="register-title">
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <Title order={2} fz="lg" id="register-title">
            Scenarios
          </Title>
          {/* No report of a set that does not exist (it would answer 404). */}
          {!isUnknownSet && <ReportLinks orgSlug={org.slug} view={view} />}
        </Group>
        <ProblemAlert error={isUnknownSet ? null : register.error} title="Could not load the risk register" />
        <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }} aria-busy={register.isFetching}>
          {register.isPending && <Skeleton height={360} />}
          {data && items.length === 0 && (
            <Center p="xl">
              <Stack gap="xs" align="center">
                <Text c="dimmed">{isFiltered(view) ? 'No scenario matches these filters.' : 'No risk scenarios yet.'}</Text>
                {isFiltered(view) && (
                  <Button variant="light" size="xs" onClick={reset}>
                    Clear filters
                  </Button>
                )}
              </Stack>
            </Center>
          )}
          {items.length > 0 && (
            <div style={{ opacity: register.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }}>
              <RegisterTable
                orgSlug={org.slug}
                items={items}
                sort={{ sort: view.sort, direction: view.direction }}
                onSort={(sort) => update(sort)}
              />
            </div>
          )}
        </Paper>
        {data && (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="xs">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="scenario-count">
                {items.length === 0
                  ? `${count.format(data.total)} ${data.total === 1 ? 'scenario' : 'scenarios'}`
                  : `Showing ${count.format(first)}–${count.format(first + items.length - 1)} of ${count.format(data.total)} ${data.total === 1 ? 'scenario' : 'scenarios'}`}
              </Text>
              {register.isFetching && !register.isPending && <Loader size="xs" aria-label="Loading" />}
            </Group>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={view.page}
                onChange={goToPage}
                size="sm"
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
              />
            )}
          </Group>
        )}
      </Stack>
      {canWrite && (
        <NewScenarioModal
          key={`${isNewOpen}-${newForAssetId ?? ''}`}
          orgSlug={org.slug}
          opened={isNewOpen}
          forAssetId={newForAssetId}
          criteriaId={view.criteria || null}
          onClose={closeNew}
          onCreated={(created) => navigate(orgPath(org.slug, `risk/scenarios/${created.id}`))}
        />
      )}
    </Stack>
  );
}
