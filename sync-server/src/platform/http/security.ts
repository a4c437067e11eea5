import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import helmet from 'helmet';
import { translate } from '../../contract/i18n/translate.js';
import { AppError } from '../errors/app-error.js';
import { getRequestLanguage } from '../i18n/request-language.js';
import { rateLimitStoreLogger } from './shared-store.js';

export const securityHeaders: RequestHandler = helmet();

/**
 * CORS is closed by default: the add-on calls from Google's servers (UrlFetchApp), not from a
 * browser. Origins listed in CORS_ALLOWED_ORIGINS (comma-separated) may call from a browser.
 */
export function createCors(allowedOrigins: string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (request, response, next) => {
    const origin = request.get('origin');
    if (origin && allowed.has(origin)) {
      response.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
      });
      // Added to, not replaced: the answer also varies with Accept-Language and Accept-Encoding.
      response.vary('Origin');
      if (request.method === 'OPTIONS') {
        response.status(204).end();
        return;
      }
    }
    next();
  };
}

/**
 * Per caller (one user's token), after authentication, so one busy script can't starve the
 * team. `store` holds the counts: this process's memory, or Redis shared by every server.
 */
export function createRateLimit(requestsPerMinute: number, store: Store): RequestHandler {
  if (requestsPerMinute <= 0) return (_request, _response, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: requestsPerMinute,
    store,
    // Redis away is no reason to refuse work: the request goes on unlimited and the log says so.
    passOnStoreError: true,
    logger: rateLimitStoreLogger,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_request, response) => String((response.locals.actor as { label?: string } | undefined)?.label ?? 'anonymous'),
    // In the request's language as the sign-in set it: the store's callbacks may resume outside its context.
    handler: (_request, response, next) =>
      next(new AppError({ code: 'RATE_LIMITED', userMessage: translate(getRequestLanguage(response), 'http.rateLimited', { limit: requestsPerMinute }) })),
  });
}
