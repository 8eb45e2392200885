import type { ChartOption } from '../../components/charts/echart';
import { factorLabel } from './fair-labels';
import { formatMoney, formatPercent } from './fair-format';
import type { CurvePoint, LossSummary, SensitivityEntry } from './fair-types';

/** Colours shared by the FAIR charts (Mantine's palette, so they match badges and buttons). */
export const CURVE_COLORS = {
  before: '#4c6ef5',
  after: '#12b886',
  appetite: '#f59f00',
  tolerance: '#fa5252',
} as const;

export interface Curve {
  name: string;
  points: CurvePoint[];
  color: string;
  dashed?: boolean;
}

const AXIS_TEXT = { color: '#495057', fontSize: 11 };

/**
 * Loss exceedance curves: the probability (y, per cent) that a year's loss reaches at least x, on a log loss axis
 * (losses span orders of magnitude). A zero loss has no place on a log axis, so those points are dropped.
 */
export function exceedanceOption(curves: Curve[], currency: string | null): ChartOption {
  return {
    aria: { enabled: true },
    animation: false,
    grid: { left: 56, right: 24, top: 36, bottom: 48 },
    legend: { top: 0, data: curves.map((curve) => curve.name) },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { seriesName, value } = params as { seriesName: string; value: [number, number] };
        return `${seriesName}<br/>${formatPercent(value[1] / 100)} chance of losing ${formatMoney(value[0], currency)} or more in a year`;
      },
    },
    xAxis: {
      type: 'log',
      // Fit the curves: a log axis left to itself rounds out to whole powers of ten, leaving empty decades.
      min: 'dataMin',
      max: 'dataMax',
      name: 'Loss in a year',
      nameLocation: 'middle',
      nameGap: 28,
      // The ends sit at the data's own extremes, not on a power of ten: unlabelled, so they do not crowd the next label.
      axisLabel: { ...AXIS_TEXT, showMinLabel: false, showMaxLabel: false, formatter: (value: number) => formatMoney(value, currency) },
      splitLine: { lineStyle: { color: '#f1f3f5' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: 'Chance of reaching it',
      nameTextStyle: { ...AXIS_TEXT, align: 'left' },
      axisLabel: { ...AXIS_TEXT, formatter: '{value} %' },
      splitLine: { lineStyle: { color: '#f1f3f5' } },
    },
    series: curves.map((curve) => ({
      type: 'line',
      name: curve.name,
      data: curve.points.filter((point) => point.loss > 0).map((point) => [point.loss, point.probability * 100]),
      showSymbol: curve.dashed === true,
      symbolSize: 6,
      color: curve.color,
      lineStyle: { width: 2, type: curve.dashed ? 'dashed' : 'solid', color: curve.color },
    })),
  };
}

/** How often each yearly loss happens: bars per bin of the histogram, as a share of the simulated years. */
export function histogramOption(summary: LossSummary, currency: string | null): ChartOption {
  const { edges, counts } = summary.histogram;
  const labels = counts.map((_, index) => `${formatMoney(edges[index] ?? 0, currency)} – ${formatMoney(edges[index + 1] ?? 0, currency)}`);
  return {
    aria: { enabled: true },
    animation: false,
    grid: { left: 56, right: 16, top: 24, bottom: 48 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatPercent(Number(value) / 100) },
    xAxis: {
      type: 'category',
      data: labels,
      name: 'Loss in a year',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { ...AXIS_TEXT, formatter: (label: string) => label.split(' – ')[0] ?? label },
    },
    yAxis: {
      type: 'value',
      name: 'Share of years',
      nameTextStyle: { ...AXIS_TEXT, align: 'left' },
      axisLabel: { ...AXIS_TEXT, formatter: '{value} %' },
    },
    series: [
      {
        type: 'bar',
        name: 'Share of years',
        data: counts.map((count) => (count / summary.iterations) * 100),
        barCategoryGap: '8%',
        color: CURVE_COLORS.before,
      },
    ],
  };
}

type MeasuredEntry = SensitivityEntry & { low: number; high: number };
export const isMeasured = (entry: SensitivityEntry): entry is MeasuredEntry => entry.low !== null && entry.high !== null;

/**
 * Tornado: for each input, the mean annual loss when it sits in its lowest decile and in its highest, as one bar
 * from the lower to the higher figure, split at the overall mean; the widest swing on top.
 */
export function tornadoOption(entries: SensitivityEntry[], mean: number, currency: string | null): ChartOption {
  // ECharts draws the first category at the bottom; entries the engine could not measure have no bar.
  const rows = entries.filter(isMeasured).reverse();
  const lower = rows.map((entry) => Math.min(entry.low, entry.high));
  return {
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 24, top: 28, bottom: 40, containLabel: true },
    legend: { top: 0, data: ['Below the mean', 'Above the mean'], formatter: (name: string) => `${name} (${formatMoney(mean, currency)})` },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const entry = rows[index];
        if (!entry) return '';
        return `${factorLabel(entry.factor)}<br/>lowest decile: ${formatMoney(entry.low, currency)} a year<br/>highest decile: ${formatMoney(entry.high, currency)} a year`;
      },
    },
    xAxis: {
      type: 'value',
      name: 'Mean loss in a year',
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { ...AXIS_TEXT, formatter: (value: number) => formatMoney(value, currency) },
    },
    yAxis: { type: 'category', data: rows.map((entry) => factorLabel(entry.factor)), axisLabel: AXIS_TEXT },
    series: [
      { type: 'bar', stack: 'swing', silent: true, itemStyle: { color: 'transparent' }, data: lower },
      {
        type: 'bar',
        stack: 'swing',
        name: 'Below the mean',
        color: '#74c0fc',
        data: rows.map((entry, index) => Math.max(0, Math.min(mean, Math.max(entry.low, entry.high)) - (lower[index] ?? 0))),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: '#495057', type: 'dashed' },
          data: [{ xAxis: mean }],
        },
      },
      {
        type: 'bar',
        stack: 'swing',
        name: 'Above the mean',
        color: '#ff8787',
        data: rows.map((entry) => Math.max(0, Math.max(entry.low, entry.high) - Math.max(mean, Math.min(entry.low, entry.high)))),
      },
    ],
  };
}
