import { pino, type Logger } from 'pino';

/** Structured JSON logs; LOG_LEVEL=silent in tests keeps their output readable. */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'booking-center-sync' },
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});
