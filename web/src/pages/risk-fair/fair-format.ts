/** Figures of a FAIR analysis as people read them: money compact with its currency, probabilities in per cent. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string | null): Intl.NumberFormat {
  const key = currency ?? '';
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = currency
        ? new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 })
        : new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3 });
    } catch {
      // A code Intl does not know still reads well after the number.
      format = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3 });
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** `€1.23M`, `£450K`, `12.5K` (no currency set). */
export function formatMoney(value: number, currency: string | null): string {
  if (!Number.isFinite(value)) return '—';
  const text = moneyFormat(currency).format(value);
  return currency && !/[^\d.,\sKMBTkmbt-]/.test(text) ? `${text} ${currency}` : text;
}

/** `12.3 %`; tiny non-zero shares keep two significant digits (`0.012 %`). */
export function formatPercent(probability: number): string {
  if (!Number.isFinite(probability)) return '—';
  const percent = probability * 100;
  const digits = percent !== 0 && Math.abs(percent) < 1 ? 2 : 3;
  return `${new Intl.NumberFormat('en-GB', { maximumSignificantDigits: digits }).format(percent)} %`;
}

/** Events per year: `0.35`, `12`, `1.2K`. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

/** Return on a control: reduction of the mean yearly loss per unit of yearly cost, `3.2×`. */
export function formatRatio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 }).format(value)}×`;
}

export const formatCount = (value: number): string => value.toLocaleString('en-GB');
