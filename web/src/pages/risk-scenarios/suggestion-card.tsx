import { SectionCard } from '../inventory/section-card';
import type { Scenario } from './scenario-types';
import { SuggestionDetails } from './suggestion-details';

/** What the dependency graph suggests for the consequence, from the assets and organizations the scenario names. */
export function SuggestionCard({ orgSlug, scenario }: { orgSlug: string; scenario: Scenario }) {
  const rated = scenario.current?.consequenceName;
  return (
    <SectionCard
      title="Suggestion from the dependency graph"
      testId="suggestion-card"
      description={
        rated
          ? `Your current rating says ${rated}. Compare it with what the primary assets that rely on this scenario’s assets need.`
          : 'Use it when rating the consequence.'
      }
    >
      <SuggestionDetails orgSlug={orgSlug} suggestion={scenario.suggestion} />
    </SectionCard>
  );
}
