import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFlame } from '@tabler/icons-react';
import { formatMoney, formatPercent } from './fair-format';
import type { CurveComparison, PortfolioResult } from './fair-types';

export type Verdict = 'within-appetite' | 'above-appetite' | 'above-tolerance' | 'no-appetite';

export function verdictOf(result: PortfolioResult, hasAppetite: boolean, hasTolerance: boolean): Verdict {
  if (hasTolerance && result.tolerance?.exceeds) return 'above-tolerance';
  if (!hasAppetite) return 'no-appetite';
  return result.appetite?.exceeds ? 'above-appetite' : 'within-appetite';
}

const worstText = (comparison: CurveComparison | null | undefined, currency: string | null): string => {
  const worst = comparison?.worst;
  if (!worst) return '';
  return ` Worst point: the chance of losing ${formatMoney(worst.loss, currency)} or more in a year is ${formatPercent(worst.probability)}, where the limit is ${formatPercent(worst.limit)}.`;
};

/** What the total loss exceedance curve says against the organization's appetite and tolerance. */
export function PortfolioVerdict({
  result,
  currency,
  hasAppetite,
  hasTolerance,
}: {
  result: PortfolioResult;
  currency: string | null;
  hasAppetite: boolean;
  hasTolerance: boolean;
}) {
  const verdict = verdictOf(result, hasAppetite, hasTolerance);
  switch (verdict) {
    case 'above-tolerance':
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconFlame aria-hidden />}
          title="Above tolerance"
          data-testid="portfolio-verdict"
          data-verdict={verdict}
        >
          The portfolio’s losses go beyond what the organization can bear.{worstText(result.tolerance, currency)}
        </Alert>
      );
    case 'above-appetite':
      return (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Above appetite"
          data-testid="portfolio-verdict"
          data-verdict={verdict}
        >
          Within tolerance, but more than the organization is willing to take on.{worstText(result.appetite, currency)}
        </Alert>
      );
    case 'within-appetite':
      return (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title="Within appetite"
          data-testid="portfolio-verdict"
          data-verdict={verdict}
        >
          At every point of the appetite curve, the chance of the loss is at or below the limit.
        </Alert>
      );
    case 'no-appetite':
      return (
        <Alert color="gray" variant="light" title="No risk appetite set" data-testid="portfolio-verdict" data-verdict={verdict}>
          Set the appetite and tolerance curves in the settings to judge the total against them.
        </Alert>
      );
  }
}
