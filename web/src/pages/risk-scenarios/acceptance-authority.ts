import type { Role } from '../../api/api-types';
import { ROLE_LABELS } from '../../session/roles';
import type { CriteriaDefinition } from '../risk-criteria/use-risk-criteria';
import type { Scenario } from './scenario-types';

/** Whether the signed-in person may accept the scenario's residual risk, and if not, who may. */
export type AcceptanceAuthority =
  { may: true; authority: 'risk-owner' | 'role'; maxDays: number | null; levelName: string } | { may: false; reason: string };

/** How long an acceptance runs when the level's rule sets no longest period (the server's default). */
export const DEFAULT_ACCEPTANCE_DAYS = 365;

/**
 * The criteria's rule for the residual level, applied as the server applies it: `risk-owner` → the scenario's
 * owner; `role` → a member with that role, or an owner; `nobody` → it must be treated.
 */
export function acceptanceAuthority(
  scenario: Scenario,
  definition: CriteriaDefinition,
  me: { userId: string; role: Role },
): AcceptanceAuthority {
  if (scenario.status === 'closed') return { may: false, reason: 'The scenario is closed: reopen it to accept its risk.' };
  const residual = scenario.residual;
  if (!residual) return { may: false, reason: 'Assess the scenario first: there is no residual risk to accept yet.' };
  const rule = definition.acceptance[residual.level];
  const levelName = residual.levelName;
  const period = rule?.maxDays ? `, for up to ${rule.maxDays} days` : '';
  if (!rule || rule.by === 'nobody')
    return {
      may: false,
      reason: `Nobody may accept a risk at level ${levelName} under these criteria: it must be treated until its residual level is lower.`,
    };
  if (rule.by === 'risk-owner') {
    if (!scenario.owner)
      return {
        may: false,
        reason: `At level ${levelName} the risk owner accepts${period}, and this scenario has none: set its owner first.`,
      };
    if (scenario.owner.id !== me.userId)
      return { may: false, reason: `At level ${levelName} only the risk owner, ${scenario.owner.name}, may accept${period}.` };
    return { may: true, authority: 'risk-owner', maxDays: rule.maxDays, levelName };
  }
  const role = rule.role ?? 'owner';
  if (me.role !== role && me.role !== 'owner')
    return { may: false, reason: `At level ${levelName} a member with the ${ROLE_LABELS[role]} role (or an owner) may accept${period}.` };
  return { may: true, authority: 'role', maxDays: rule.maxDays, levelName };
}

/** `YYYY-MM-DD` of today plus `days`, counted in UTC days as the server counts them (so its limit is never passed). */
export function dayAfter(days: number, from: Date = new Date()): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}
