import { z } from 'zod';
import { ERROR_CATALOGUE } from '../errors/catalogue.ts';

/** RFC 9457 problem document as the OpenAPI document shows it. */
export const ZProblem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_CATALOGUE) as [keyof typeof ERROR_CATALOGUE, ...(keyof typeof ERROR_CATALOGUE)[]]),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details; branch on `code`');

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** Response schemas for the error statuses a route can return (every route can return 503). */
export function problems(...statuses: ProblemStatus[]): Partial<Record<ProblemStatus, typeof ZProblem>> {
  const out: Partial<Record<ProblemStatus, typeof ZProblem>> = { 503: ZProblem };
  for (const status of statuses) out[status] = ZProblem;
  return out;
}

/** The statuses every authenticated organization route can answer with. */
export const ORG_ROUTE_PROBLEMS = [400, 401, 403, 404] as const;

/**
 * For hot list routes whose service already returns exactly the documented shape: serialise with plain
 * JSON.stringify instead of re-encoding through zod (which cost ~0.1 ms and much garbage per page of 50).
 * The response schema still documents the route in OpenAPI.
 */
export const plainJsonSerializer = (): ((data: unknown) => string) => (data) => JSON.stringify(data);

const serialized = new WeakMap<object, string>();

/**
 * plainJsonSerializer for routes that answer from memory (a remembered page is the same object on every
 * request until it is replaced): each such object is serialised once. Only for answers nobody mutates
 * after they are returned.
 */
export const rememberedJsonSerializer = (): ((data: unknown) => string) => (data) => {
  if (typeof data !== 'object' || data === null) return JSON.stringify(data);
  let json = serialized.get(data);
  if (json === undefined) {
    json = JSON.stringify(data);
    serialized.set(data, json);
  }
  return json;
};
