import type { Page } from 'playwright-core';

/**
 * Money as the FAIR pages write it (compact, 3 significant digits), formatted by the browser's own Intl, so a
 * test compares the figure on screen with the API's number rather than with a string of its own.
 */
export const pageMoney = (page: Page, value: number, currency: string | null): Promise<string> =>
  page.evaluate(
    ([amount, code]) =>
      new Intl.NumberFormat(
        'en-GB',
        code
          ? { style: 'currency', currency: code, notation: 'compact', maximumSignificantDigits: 3 }
          : { notation: 'compact', maximumSignificantDigits: 3 },
      ).format(amount),
    [value, currency] as const,
  );
