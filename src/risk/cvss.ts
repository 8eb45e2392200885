import { createRequire } from 'node:module';
import type * as Calculator from 'ae-cvss-calculator';

/*
 * CVSS vectors scored by ae-cvss-calculator. The package is a CommonJS (UMD) bundle whose named exports Node's
 * ESM loader cannot see, hence createRequire; its types are the package's own.
 */
const calculator = createRequire(import.meta.url)('ae-cvss-calculator') as typeof Calculator;

export const CVSS_VERSIONS = ['3.0', '3.1', '4.0'] as const;
export type CvssVersion = (typeof CVSS_VERSIONS)[number];

/** The qualitative ratings of the CVSS specifications (the same bands in 3.x and 4.0). */
export const CVSS_SEVERITIES = ['None', 'Low', 'Medium', 'High', 'Critical'] as const;
export type CvssSeverity = (typeof CVSS_SEVERITIES)[number];

export interface CvssScore {
  /** The vector as given, without surrounding blanks. */
  vector: string;
  version: CvssVersion;
  /** The base score (0.0–10.0): base metrics only, so threat, temporal or environmental metrics do not move it. */
  baseScore: number;
  severity: CvssSeverity;
}

/** A vector that cannot be scored; the message says what is wrong with it. */
export class CvssError extends Error {
  override name = 'CvssError';
}

/** Base metrics every vector of the version must set (to anything but X), in the order the specifications list them. */
const BASE_METRICS: Record<CvssVersion, readonly string[]> = {
  '3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

type Vector = InstanceType<typeof calculator.Cvss3P1> | InstanceType<typeof calculator.Cvss3P0> | InstanceType<typeof calculator.Cvss4P0>;

const emptyVector = (version: CvssVersion): Vector =>
  version === '3.0' ? new calculator.Cvss3P0() : version === '3.1' ? new calculator.Cvss3P1() : new calculator.Cvss4P0();

export function severityOf(score: number): CvssSeverity {
  if (score === 0) return 'None';
  if (score < 4) return 'Low';
  if (score < 7) return 'Medium';
  if (score < 9) return 'High';
  return 'Critical';
}

/**
 * Parses and scores a CVSS 3.0, 3.1 or 4.0 vector. The calculator itself is lenient (it ignores a missing
 * metric, lets a repeated one win, and scores a half-filled vector 0), so the structure is checked here first.
 * @throws CvssError naming the first problem
 */
export function scoreCvss(input: string): CvssScore {
  const vector = input.trim();
  const prefix = /^CVSS:(\d\.\d)\//.exec(vector);
  if (!prefix) throw new CvssError('a CVSS vector starts with "CVSS:3.0/", "CVSS:3.1/" or "CVSS:4.0/"');
  const version = prefix[1] as CvssVersion;
  if (!CVSS_VERSIONS.includes(version)) throw new CvssError(`CVSS version ${prefix[1]} is not supported (3.0, 3.1 or 4.0)`);

  const parsed = emptyVector(version);
  const seen = new Map<string, string>();
  for (const part of vector.slice(prefix[0].length).split('/')) {
    const metric = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
    if (!metric) throw new CvssError(`"${part}" is not METRIC:VALUE`);
    const [, name = '', value = ''] = metric;
    if (seen.has(name)) throw new CvssError(`metric ${name} is given twice`);
    const component = parsed.findComponent(name);
    if (!component || component.shortName !== name) throw new CvssError(`CVSS ${version} has no metric ${name}`);
    const allowed = component.values.map((v) => v.shortName);
    if (!allowed.includes(value)) throw new CvssError(`${name}:${value} is not allowed (${name} is one of ${allowed.join(', ')})`);
    seen.set(name, value);
    parsed.applyComponentString(name, value);
  }
  const missing = BASE_METRICS[version].filter((name) => seen.get(name) === undefined || seen.get(name) === 'X');
  if (missing.length > 0) throw new CvssError(`base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing`);

  const scores = parsed.calculateScores() as { base?: number; baseMetricsOnly?: number };
  // In 4.0 `base` folds in the threat metrics (CVSS-BT); `baseMetricsOnly` is the plain base score (CVSS-B).
  const baseScore = version === '4.0' ? scores.baseMetricsOnly : scores.base;
  if (baseScore === undefined || !Number.isFinite(baseScore)) throw new CvssError('the vector could not be scored');
  return { vector, version, baseScore, severity: severityOf(baseScore) };
}
