/**
 * Every error Bulwark returns, with its stable code, HTTP status and a short title.
 * Clients branch on `code`; the catalogue is documented in docs/errors.md (a test keeps the two in step).
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, title: 'The request does not match the schema' },
  MALFORMED_BODY: { status: 400, title: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, title: 'Sign in or send a valid API token' },
  INVALID_CREDENTIALS: { status: 401, title: 'The email or password is wrong' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'The CSRF token is missing or does not match the session' },
  FORBIDDEN: { status: 403, title: 'Your role does not allow this action' },
  NOT_FOUND: { status: 404, title: 'No such resource' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  CONFLICT: { status: 409, title: 'The resource already exists' },
  VERSION_CONFLICT: { status: 409, title: 'The resource changed since you read it' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body media type is not supported' },
  UNPROCESSABLE: { status: 422, title: 'The request is well-formed but cannot be carried out' },
  IMPORT_UNREADABLE: { status: 422, title: 'The import file cannot be read in the format given' },
  IMPORT_INVALID: { status: 422, title: 'Records of the import file are invalid; nothing was imported' },
  FAIR_BUDGET_EXCEEDED: { status: 422, title: 'The simulation would exceed the configured memory or time budget' },
  RATE_LIMITED: { status: 429, title: 'Too many requests; slow down' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  STORE_UNAVAILABLE: { status: 503, title: 'The database is unreachable; retry shortly' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** One problem with one field of the input; `path` is a JSON-pointer-like dotted path (`members.0.email`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The one error type domain code throws. The HTTP layer turns it into problem+json;
 * the CLI prints `detail` and exits non-zero.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldIssue[] | undefined;
  /** Extra members for the problem document (e.g. the id of the entry that broke a chain). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail?: string, options: { errors?: FieldIssue[]; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(detail ?? ERROR_CATALOGUE[code].title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (detail?: string): AppError => new AppError('FORBIDDEN', detail);
export const conflict = (detail: string, path?: string): AppError =>
  new AppError('CONFLICT', detail, path ? { errors: [{ path, message: detail }] } : {});
export const unprocessable = (detail: string, errors?: FieldIssue[]): AppError =>
  new AppError('UNPROCESSABLE', detail, errors ? { errors } : {});
