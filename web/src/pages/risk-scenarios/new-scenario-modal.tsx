import { Alert, Skeleton, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { assetOption } from './link-pickers';
import { ScenarioFormModal } from './scenario-form-modal';
import type { Scenario } from './scenario-types';
import { SuggestionDetails } from './suggestion-details';
import { useAssetRiskSuggestion } from './use-scenarios';

interface NewScenarioModalProps {
  orgSlug: string;
  opened: boolean;
  /** Opened from an asset's page: that asset is named, and the graph's suggestion for it is shown. */
  forAssetId: string | null;
  /** The set the register shows (null: the default): a new scenario starts on it. */
  criteriaId: string | null;
  onClose: () => void;
  onCreated: (created: Scenario) => void;
}

function AssetSuggestionIntro({ orgSlug, assetId, criteriaId }: { orgSlug: string; assetId: string; criteriaId: string | null }) {
  const suggestion = useAssetRiskSuggestion(orgSlug, assetId, criteriaId);
  if (suggestion.error) return <ProblemAlert error={suggestion.error} title="Could not work out a suggestion for this asset" />;
  if (!suggestion.data) return <Skeleton height={96} />;
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconBulb aria-hidden />}
      title="What the dependency graph suggests"
      data-testid="risk-suggestion"
    >
      <Text size="xs" c="dimmed" mb="xs">
        On the consequence scale of {suggestion.data.criteria.name} (version {suggestion.data.criteria.version}); you rate the scenario
        after creating it.
      </Text>
      <SuggestionDetails orgSlug={orgSlug} suggestion={suggestion.data} limit={5} />
    </Alert>
  );
}

/** The new-scenario dialog of the register; from an asset's page it starts with that asset named. */
export function NewScenarioModal({ orgSlug, opened, forAssetId, criteriaId, onClose, onCreated }: NewScenarioModalProps) {
  const asset = useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'asset', forAssetId],
    enabled: opened && forAssetId !== null,
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/assets/{id}', { params: { path: { org: orgSlug, id: forAssetId! } } })),
  });
  const initialAssets = forAssetId ? [asset.data ? assetOption(asset.data) : { value: forAssetId, label: 'Loading…' }] : [];
  return (
    <ScenarioFormModal
      orgSlug={orgSlug}
      opened={opened}
      onClose={onClose}
      initialAssets={initialAssets}
      initialCriteriaId={criteriaId}
      intro={
        forAssetId && opened
          ? (chosen: string | null) => <AssetSuggestionIntro orgSlug={orgSlug} assetId={forAssetId} criteriaId={chosen} />
          : undefined
      }
      onCreated={onCreated}
    />
  );
}
