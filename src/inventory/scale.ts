import { AppError, type FieldIssue } from '../platform/errors/catalogue.ts';

/**
 * The tenant's protection scale for confidentiality, integrity and availability requirements: ordered
 * levels, level 1 the lowest. Stored as the list of names; a level's value is its position.
 */
export interface StoredLevel {
  name: string;
  description?: string | undefined;
}
export interface ScaleLevel extends StoredLevel {
  value: number;
}
export interface ProtectionScale {
  levels: ScaleLevel[];
}

export const DEFAULT_SCALE: readonly StoredLevel[] = [{ name: 'Low' }, { name: 'Medium' }, { name: 'High' }, { name: 'Very high' }];
export const MAX_SCALE_LEVELS = 10;

export function scaleFrom(stored: readonly StoredLevel[] | null): ProtectionScale {
  return { levels: (stored ?? DEFAULT_SCALE).map((level, i) => ({ value: i + 1, ...level })) };
}

export const PROTECTION_FIELDS = ['confidentiality', 'integrity', 'availability'] as const;
export type ProtectionField = (typeof PROTECTION_FIELDS)[number];

/** Issues for each requirement level in `input` that is not a level of the scale, named `${prefix}.${field}`. */
export function levelIssues(scale: ProtectionScale, input: Partial<Record<ProtectionField, number | null>>, prefix: string): FieldIssue[] {
  const top = scale.levels.length;
  const issues: FieldIssue[] = [];
  for (const field of PROTECTION_FIELDS) {
    const level = input[field];
    if (level === undefined || level === null) continue;
    if (!Number.isInteger(level) || level < 1 || level > top) {
      issues.push({ path: `${prefix}.${field}`, message: `${level} is not a level of the protection scale (1–${top})` });
    }
  }
  return issues;
}

/** @throws AppError UNPROCESSABLE naming every field outside the scale */
export function assertLevels(scale: ProtectionScale, input: Partial<Record<ProtectionField, number | null>>, prefix = 'body'): void {
  const errors = levelIssues(scale, input, prefix);
  if (errors.length > 0) throw new AppError('UNPROCESSABLE', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}
