/** One invalid field of a request, as the server names it (`body.email`, `querystring.from`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Whether a problem path (`body.email`, `querystring.from`) names `field`, matched on its last part. */
export const isPathOf = (path: string, field: string): boolean => path === field || path.endsWith(`.${field}`);

/**
 * An RFC 9457 problem document turned into an Error, so TanStack Query and components can handle every
 * failure the same way: show `detail`, put `errors` next to their fields, branch on `code`.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldProblems: readonly FieldProblem[];

  constructor(init: { status: number; code: string; title: string; detail: string; fieldProblems?: readonly FieldProblem[] }) {
    super(init.detail);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldProblems = init.fieldProblems ?? [];
  }

  /** The message for one field, matched on the last part of its path (`body.email` → `email`). */
  fieldMessage(field: string): string | undefined {
    return this.fieldProblems.find((problem) => isPathOf(problem.path, field))?.message;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function readFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const path = asString(item.path);
    const message = asString(item.message);
    return path !== undefined && message !== undefined ? [{ path, message }] : [];
  });
}

/** Builds an ApiProblem from an error response body, whatever the server (or a proxy in front of it) sent. */
export function problemFromResponse(response: Response, body: unknown): ApiProblem {
  if (isRecord(body) && typeof body.code === 'string') {
    const title = asString(body.title) ?? response.statusText;
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : response.status,
      code: body.code,
      title,
      detail: asString(body.detail) ?? title,
      fieldProblems: readFieldProblems(body.errors),
    });
  }
  return new ApiProblem({
    status: response.status,
    code: 'UNEXPECTED_RESPONSE',
    title: response.statusText || 'Unexpected response',
    detail: `The server answered ${response.status} ${response.statusText}`.trim() + '. Try again in a moment.',
  });
}

/** Any thrown value as a problem to display (a failed fetch means the server could not be reached). */
export function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof TypeError) {
    return new ApiProblem({ status: 0, code: 'NETWORK', title: 'Network error', detail: 'Could not reach the Bulwark server. Check your connection and try again.' });
  }
  const detail = error instanceof Error ? error.message : 'Something went wrong.';
  return new ApiProblem({ status: 0, code: 'CLIENT', title: 'Error', detail });
}
