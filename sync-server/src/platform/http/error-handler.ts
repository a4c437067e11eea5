import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { isLanguage, type Language } from '../../contract/i18n/languages.js';
import { getCurrentLanguage, t } from '../../contract/i18n/translate.js';
import { runInLanguage } from '../i18n/request-language.js';
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
    (errors[field] ??= []).push(problem.row !== undefined ? t('http.problemAtRow', { row: problem.row, message: problem.message }) : problem.message);
  }
  return { detail: error.userMessage, code: error.reason ?? error.code, errors };
}

/**
 * The request's language, read from the response rather than from the async context: an error
 * raised by a body parser reaches this handler from the socket's events, outside the request's
 * context, and must still be answered in the caller's language.
 */
function languageOf(response: Response): Language {
  const language: unknown = (response.locals as Record<string, unknown> | undefined)?.language;
  return isLanguage(language) ? language : getCurrentLanguage();
}

/** Converts every error once, at the edge. Nothing else in the server writes error responses. */
export const errorHandler: ErrorRequestHandler = (error: unknown, request, response, next) =>
  runInLanguage(languageOf(response), () => answerError(error, request, response, next));

const answerError: ErrorRequestHandler = (error: unknown, request, response) => {
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

export const notFoundHandler: RequestHandler = (request, response, next) => {
  next(new AppError({ code: 'NOT_FOUND', userMessage: runInLanguage(languageOf(response), () => t('http.noRoute', { method: request.method, path: request.path })) }));
};

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    return new AppError({
      code: 'VALIDATION_FAILED',
      // zod's own words for each field stay as they are (a schema may give ours); the sentence is ours.
      userMessage: t('http.invalidFields'),
      problems: error.issues.map((issue) => ({ column: issue.path.join('.') || '_request', message: issue.message })),
      cause: error,
    });
  }
  // Errors raised by Express's body parser carry an HTTP status and a type.
  const bodyError = error as { status?: number; type?: string } | undefined;
  if (bodyError?.type === 'entity.too.large') {
    return new AppError({ code: 'PAYLOAD_TOO_LARGE', userMessage: t('http.tooLarge'), cause: error });
  }
  if (bodyError?.type === 'entity.parse.failed') {
    return new AppError({ code: 'BAD_REQUEST', userMessage: t('http.notJson'), cause: error });
  }
  if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return new AppError({ code: codeForStatus(bodyError.status), userMessage: t('http.unreadable'), cause: error });
  }
  if (isRefusedValue(error)) {
    return new AppError({
      code: 'VALIDATION_FAILED',
      reason: 'VALUE_NOT_STORABLE',
      userMessage: t('http.valueNotStorable'),
      internalMessage: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
  return new AppError({
    code: 'INTERNAL',
    userMessage: t('http.internal'),
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
