/**
 * The one application error. `userMessage` is safe to show a planner (plain language,
 * no SQL, no stack); `internalMessage` is for logs. The HTTP layer converts it once.
 */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'BUSY'
  | 'INTERNAL';

/** Errors about data point at the data: where (table, sheet row, column), what, and what is accepted. */
export type FieldProblem = {
  table?: string;
  /** The row number as the spreadsheet shows it (header = row 1). */
  row?: number;
  column?: string;
  value?: unknown;
  message: string;
};

const httpStatusByCode: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  BUSY: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly problems: FieldProblem[];
  /** A domain-specific reason code (e.g. MISSING_CREATOR) the caller can act on. */
  readonly reason?: string;
  /** For BUSY and RATE_LIMITED: when trying again makes sense (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(options: {
    code: AppErrorCode;
    userMessage: string;
    internalMessage?: string;
    problems?: FieldProblem[];
    reason?: string;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(options.internalMessage ?? options.userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = options.code;
    this.userMessage = options.userMessage;
    this.problems = options.problems ?? [];
    this.reason = options.reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
