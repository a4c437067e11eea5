import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { findSqlState } from '../database/database-errors.js';
import { AppError, isAppError, type AppErrorCode } from '../errors/app-error.js';
import { logger } from '../logging/logger.js';

/** The one error shape of the API: `{ detail, code, errors: { field: [messages] } }`. */
export type ErrorResponseBody = {
  detail: string;
  code: string;
  errors: Record<string, string[]>;
};

export function toErrorResponse(error: AppError): ErrorResponseBody {
  const errors: Record<string, string[]> = {};
  for (const problem of error.problems) {
    const field = problem.column ?? '_request';
    const location = problem.row !== undefined ? `row ${problem.row}: ` : '';
    (errors[field] ??= []).push(`${location}${problem.message}`);
  }
  return { detail: error.userMessage, code: error.reason ?? error.code, errors };
}

/** Converts every error once, at the edge. Nothing else in the server writes error responses. */
export const errorHandler: ErrorRequestHandler = (error: unknown, request, response, _next) => {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') {
    logger.error({ err: error, method: request.method, path: request.path }, 'unhandled error');
  } else if (appError.reason === 'VALUE_NOT_STORABLE') {
    // A reader let through a value the database refused: answered as bad input, kept for a fix.
    logger.warn({ err: error, method: request.method, path: request.path }, 'the database refused a value the readers accepted');
  } else {
    logger.info({ code: appError.code, reason: appError.reason, path: request.path }, appError.message);
  }
  if (appError.retryAfterSeconds !== undefined) response.set('Retry-After', String(appError.retryAfterSeconds));
  response.status(appError.httpStatus).json(toErrorResponse(appError));
};

export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(new AppError({ code: 'NOT_FOUND', userMessage: `There is no ${request.method} ${request.path} on this server.` }));
};

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    return new AppError({
      code: 'VALIDATION_FAILED',
      userMessage: 'Some fields are missing or not valid.',
      problems: error.issues.map((issue) => ({ column: issue.path.join('.') || '_request', message: issue.message })),
      cause: error,
    });
  }
  // Errors raised by Express's body parser carry an HTTP status and a type.
  const bodyError = error as { status?: number; type?: string } | undefined;
  if (bodyError?.type === 'entity.too.large') {
    return new AppError({ code: 'PAYLOAD_TOO_LARGE', userMessage: 'The request is too large. Send fewer rows at a time.', cause: error });
  }
  if (bodyError?.type === 'entity.parse.failed') {
    return new AppError({ code: 'BAD_REQUEST', userMessage: 'The request body is not valid JSON.', cause: error });
  }
  if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return new AppError({ code: codeForStatus(bodyError.status), userMessage: 'The request could not be read.', cause: error });
  }
  if (isRefusedValue(error)) {
    return new AppError({
      code: 'VALIDATION_FAILED',
      reason: 'VALUE_NOT_STORABLE',
      userMessage: "A value in the request can't be stored: text with a NUL or broken character, text too long for its column, or a number too large. Nothing was changed.",
      internalMessage: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
  return new AppError({
    code: 'INTERNAL',
    userMessage: 'Something went wrong on the server. Nothing was changed; please try again, and tell the team if it keeps happening.',
    internalMessage: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

// PostgreSQL's "data exception" class (22: bad encoding, numeric overflow, bad date or text for
// its type) and "program limit exceeded" (54000: a text too long for its index) come from a
// value someone sent: the readers refuse them first, this is the net. A division by zero
// (22012) is the server's own arithmetic and stays a 500.
function isRefusedValue(error: unknown): boolean {
  const state = findSqlState(error);
  return state !== undefined && state !== '22012' && (state.startsWith('22') || state === '54000');
}

function codeForStatus(status: number): AppErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return 'BAD_REQUEST';
}
