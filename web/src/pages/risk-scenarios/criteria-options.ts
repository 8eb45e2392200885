import type { CriteriaSummary } from '../risk-criteria/use-risk-criteria';

/**
 * The organization's criteria sets as select options: the default first and marked, then the others by name
 * (the API lists them by name). Both the register's picker and the new-scenario form offer them so.
 */
export function criteriaOptions(sets: readonly CriteriaSummary[]): { value: string; label: string }[] {
  const ordered = [...sets.filter((set) => set.isDefault), ...sets.filter((set) => !set.isDefault)];
  return ordered.map((set) => ({ value: set.id, label: set.isDefault ? `${set.name} (default)` : set.name }));
}

export const defaultCriteriaId = (sets: readonly CriteriaSummary[] | undefined): string | null =>
  sets?.find((set) => set.isDefault)?.id ?? null;
