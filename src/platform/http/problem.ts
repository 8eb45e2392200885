import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CATALOGUE, type ErrorCode, type FieldIssue } from '../errors/catalogue.ts';
import { isStoreUnavailable, translateDbError } from '../db/db-errors.ts';

/** RFC 9457 problem document, with Bulwark's stable `code` and the field-level `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://bulwark.dev/problems/';
export const RETRY_AFTER_SECONDS = 5;

export function problemOf(error: AppError, instance?: string): Problem {
  const entry = ERROR_CATALOGUE[error.code];
  return {
    ...(error.extra ?? {}),
    type: `${PROBLEM_TYPE_BASE}${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: entry.title,
    status: entry.status,
    code: error.code,
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

interface ZodLikeIssue {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: { keys?: string[] };
}

/** Zod issues → field paths: `body.members.0.email`; an unknown key is named as the path it would have. */
function fieldIssues(context: string | undefined, validation: ZodLikeIssue[]): FieldIssue[] {
  const prefix = context ?? 'body';
  return validation.flatMap((issue) => {
    const base = [prefix, ...issue.instancePath.split('/').filter(Boolean)].join('.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys?.length) {
      return issue.params.keys.map((key) => ({ path: `${base}.${key}`, message: 'unknown field' }));
    }
    return [{ path: base, message: issue.message ?? 'invalid value' }];
  });
}

/** Maps anything thrown in a request to an AppError; unknown errors become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const errors = fieldIssues(fastifyError.validationContext, fastifyError.validation as unknown as ZodLikeIssue[]);
    return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_BODY', fastifyError.message, { errors: [{ path: 'body', message: fastifyError.message }] });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', fastifyError.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', fastifyError.message);
    default:
      break;
  }
  if (fastifyError.statusCode === 429) return new AppError('RATE_LIMITED', fastifyError.message);
  const translated = translateDbError(error);
  if (translated) return translated;
  if (isStoreUnavailable(error)) return new AppError('STORE_UNAVAILABLE', undefined, { cause: error });
  return new AppError('INTERNAL', undefined, { cause: error });
}

/** Sets the status and headers of an error response on `reply` and returns its problem document. */
export function prepareProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): Problem {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  else if (appError.code === 'STORE_UNAVAILABLE') request.log.warn({ err: error }, 'store unavailable');
  if (appError.code === 'STORE_UNAVAILABLE') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  reply.code(appError.status).type('application/problem+json');
  return problemOf(appError, request.url);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  return reply.send(prepareProblem(request, reply, error));
}
