import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { Field, FieldList } from '../inventory/field-list';
import type { NodeRef } from '../inventory/inventory-types';
import { NodeLink } from '../inventory/node-link';
import { SectionCard } from '../inventory/section-card';
import { ControlRefTable } from './planned-controls-table';
import { APPROACH_LABELS } from './scenario-labels';
import type { Scenario } from './scenario-types';

const SEVERITY_COLORS: Record<string, string> = { None: 'gray', Low: 'green', Medium: 'yellow', High: 'orange', Critical: 'red' };
const tag = { radius: 'sm', tt: 'none', fw: 600, style: { whiteSpace: 'nowrap', overflow: 'visible' } } as const;

function Vulnerabilities({ scenario }: { scenario: Scenario }) {
  if (scenario.vulnerabilities.length === 0) return null;
  return (
    <Stack gap={4} component="span">
      {scenario.vulnerabilities.map((vulnerability) => (
        <Group key={vulnerability.id} gap={6} component="span" wrap="wrap" data-testid="scenario-vulnerability">
          <Text span size="sm" className={vulnerability.cveId ? 'mono' : undefined}>
            {vulnerability.cveId ?? vulnerability.title}
          </Text>
          {vulnerability.cveId && vulnerability.title !== vulnerability.cveId && (
            <Text span size="sm">
              {vulnerability.title}
            </Text>
          )}
          {vulnerability.cvssScore !== null && (
            <Badge size="sm" variant="light" color={SEVERITY_COLORS[vulnerability.cvssSeverity ?? 'None'] ?? 'gray'} {...tag}>
              CVSS {vulnerability.cvssScore.toFixed(1)} {vulnerability.cvssSeverity}
            </Badge>
          )}
          {vulnerability.knownExploited && (
            <Badge size="sm" variant="filled" color="red" {...tag} title="In the CISA Known Exploited Vulnerabilities catalogue">
              KEV: exploited
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Risk identification: the approach, who owns it, the source and its path, and everything the scenario names. */
export function IdentificationCard({ orgSlug, scenario }: { orgSlug: string; scenario: Scenario }) {
  const isEventBased = scenario.approach === 'event-based';
  return (
    <SectionCard title="Identification" testId="identification-card">
      <FieldList cols={3}>
        <Field label="Approach">{APPROACH_LABELS[scenario.approach]}</Field>
        <Field label="Owner">{scenario.owner && `${scenario.owner.name} (${scenario.owner.email})`}</Field>
        <Field label="Tags">
          {scenario.tags.length > 0 ? (
            <Group gap={4} component="span">
              {scenario.tags.map((name) => (
                <Badge key={name} variant="outline" color="gray" {...tag} fw={500}>
                  {name}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Field>
        {isEventBased && (
          <Field label="Risk source">
            {scenario.riskSource &&
              `${scenario.riskSource.name}${scenario.riskSource.category ? ` (${scenario.riskSource.category.replace(/-/g, ' ')})` : ''}`}
          </Field>
        )}
        {isEventBased && (
          <Field label="Desired end state">
            {scenario.desiredEndState && <span style={{ whiteSpace: 'pre-wrap' }}>{scenario.desiredEndState}</span>}
          </Field>
        )}
        {isEventBased && (
          <Field label="Path" span>
            {scenario.path.length > 0 ? (
              <Group gap={6} component="span" wrap="wrap" aria-label="Path, in order" data-testid="scenario-path">
                {scenario.path.map((step, index) => (
                  <Fragment key={step.id}>
                    {index > 0 && <IconArrowRight size={14} aria-hidden color="var(--mantine-color-gray-6)" />}
                    <NodeLink orgSlug={orgSlug} node={{ id: step.id, name: step.name, kind: step.kind as NodeRef['kind'] }} />
                  </Fragment>
                ))}
              </Group>
            ) : null}
          </Field>
        )}
        <Field label="Assets">
          {scenario.assets.length > 0 ? (
            <Group gap="sm" component="span" wrap="wrap">
              {scenario.assets.map((asset) => (
                <Anchor key={asset.id} {...linkProps(orgPath(orgSlug, `assets/${asset.id}`))} size="sm">
                  {asset.name}
                </Anchor>
              ))}
            </Group>
          ) : null}
        </Field>
        <Field label="Threats">
          {scenario.threats.length > 0 ? (
            <Stack gap={2} component="span">
              {scenario.threats.map((threat) => (
                <span key={threat.id}>
                  {threat.externalId && <span className="mono">{threat.externalId} </span>}
                  {threat.name}
                </span>
              ))}
            </Stack>
          ) : null}
        </Field>
        <Field label="Vulnerabilities">{scenario.vulnerabilities.length > 0 ? <Vulnerabilities scenario={scenario} /> : null}</Field>
        <Field label="Description" span>
          {scenario.description && <span style={{ whiteSpace: 'pre-wrap' }}>{scenario.description}</span>}
        </Field>
      </FieldList>
      <div>
        <Text size="xs" c="dimmed" fw={600} mb={4}>
          Existing controls (counted in the current rating)
        </Text>
        {scenario.existingControls.length > 0 ? (
          <ControlRefTable controls={scenario.existingControls} label="Existing controls" />
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </div>
    </SectionCard>
  );
}
