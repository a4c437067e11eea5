import type { RequestHandler } from 'express';
import { logger } from '../logging/logger.js';

/** One structured line per request: method, path, status, duration. */
export const requestLogger: RequestHandler = (request, response, next) => {
  const startedAt = process.hrtime.bigint();
  response.on('finish', () => {
    const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
    logger.info({ method: request.method, path: request.path, status: response.statusCode, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
  });
  next();
};
