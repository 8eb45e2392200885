import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import type { CriteriaDefinition } from '../risk-criteria/use-risk-criteria';
import { Field, FieldList } from '../inventory/field-list';
import { SectionCard } from '../inventory/section-card';
import { AcceptRiskModal } from './accept-risk-modal';
import { acceptanceAuthority } from './acceptance-authority';
import { PastAcceptances } from './past-acceptances';
import { LevelNameBadge } from './risk-level-badge';
import type { Acceptance, Scenario } from './scenario-types';
import { LateBadge } from './status-badges';
import { useAcceptances, useWithdrawAcceptance } from './use-scenarios';

const AUTHORITY_LABELS = { 'risk-owner': 'as the risk owner', role: 'by their role' } as const;

function AcceptanceInForce({ acceptance, definition }: { acceptance: Acceptance; definition: CriteriaDefinition | undefined }) {
  const colour = definition?.levels[acceptance.level]?.colour;
  return (
    <FieldList cols={2}>
      <Field label="Level accepted">
        {colour ? <LevelNameBadge name={acceptance.levelName} colour={colour} size="sm" /> : acceptance.levelName}
      </Field>
      <Field label="Accepted by">
        {acceptance.acceptedBy.label}, {AUTHORITY_LABELS[acceptance.authority]}
      </Field>
      <Field label="Accepted on">{formatDateTime(acceptance.acceptedAt)}</Field>
      <Field label="Valid through">
        <Group gap={6} component="span" data-testid="acceptance-expiry">
          <Text span size="sm" c={acceptance.expired ? 'red.8' : undefined} fw={acceptance.expired ? 700 : undefined}>
            {acceptance.expiresOn}
          </Text>
          {acceptance.expired && <LateBadge>expired</LateBadge>}
        </Group>
      </Field>
      <Field label="Conditions">{acceptance.conditions}</Field>
      <Field label="Justification" span>
        <span style={{ whiteSpace: 'pre-wrap' }}>{acceptance.justification}</span>
      </Field>
    </FieldList>
  );
}

interface AcceptanceCardProps {
  orgSlug: string;
  scenario: Scenario;
  definition: CriteriaDefinition | undefined;
  onReload: () => Promise<Scenario | undefined>;
}

/**
 * Risk acceptance: the acceptance in force (an expired one in red), the earlier ones, and the form to accept,
 * offered to whom the criteria give the authority for the residual level; everyone else reads who may.
 */
export function AcceptanceCard({ orgSlug, scenario, definition, onReload }: AcceptanceCardProps) {
  const { org, user } = useCurrentOrg();
  const acceptances = useAcceptances(orgSlug, scenario.id);
  const withdraw = useWithdrawAcceptance(orgSlug, scenario.id);
  const [round, setRound] = useState(0);
  const [isAccepting, setAccepting] = useState(false);
  const [isWithdrawing, setWithdrawing] = useState(false);
  const authority = definition ? acceptanceAuthority(scenario, definition, { userId: user.id, role: org.role }) : null;
  const acceptance = scenario.acceptance;
  const mayWithdraw = acceptance !== null && (can(org.role, 'risk:write') || acceptance.acceptedBy.id === user.id);
  const past = (acceptances.data?.items ?? []).filter((item) => item.id !== acceptance?.id);

  return (
    <SectionCard
      title="Acceptance"
      testId="acceptance-card"
      actions={
        <>
          {mayWithdraw && (
            <Button variant="light" color="red" onClick={() => setWithdrawing(true)}>
              Withdraw
            </Button>
          )}
          {authority?.may && (
            <Button
              leftSection={<IconCircleCheck size={16} aria-hidden />}
              onClick={() => {
                setRound((n) => n + 1);
                setAccepting(true);
              }}
            >
              {acceptance ? 'Accept again' : 'Accept risk'}
            </Button>
          )}
        </>
      }
    >
      {acceptance?.expired && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The acceptance has expired">
          It ran through {acceptance.expiresOn}. Accept the risk again, or treat it further.
        </Alert>
      )}
      {acceptance ? (
        <AcceptanceInForce acceptance={acceptance} definition={definition} />
      ) : (
        <Text size="sm" c="dimmed">
          The risk is not accepted.
        </Text>
      )}
      {authority && !authority.may && (
        <Text size="sm" data-testid="acceptance-authority">
          {authority.reason}
        </Text>
      )}
      {authority?.may && (
        <Text size="sm" c="dimmed" data-testid="acceptance-authority">
          You may accept the residual risk at level {authority.levelName}
          {authority.authority === 'risk-owner' ? ', as its owner' : ', by your role'}
          {authority.maxDays ? `, for up to ${authority.maxDays} days` : ''}.
        </Text>
      )}
      {past.length > 0 && <PastAcceptances acceptances={past} />}
      {authority?.may && (
        <AcceptRiskModal
          key={round}
          orgSlug={orgSlug}
          scenario={scenario}
          maxDays={authority.maxDays}
          opened={isAccepting}
          onClose={() => setAccepting(false)}
          onReload={onReload}
        />
      )}
      {acceptance && (
        <ConfirmDialog
          opened={isWithdrawing}
          title="Withdraw the acceptance?"
          confirmLabel="Withdraw"
          isDestructive
          isPending={withdraw.isPending}
          error={withdraw.error}
          onCancel={() => {
            setWithdrawing(false);
            withdraw.reset();
          }}
          onConfirm={() => withdraw.mutate(acceptance.id, { onSuccess: () => setWithdrawing(false) })}
        >
          <Stack gap="xs">
            <span>
              The acceptance by {acceptance.acceptedBy.label} of {formatDate(acceptance.acceptedAt)} stops counting; the scenario goes back
              to its treatment status. The record stays in the history.
            </span>
          </Stack>
        </ConfirmDialog>
      )}
    </SectionCard>
  );
}
