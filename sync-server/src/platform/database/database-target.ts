import { isAbsolute, resolve } from 'node:path';
import { projectRoot } from '../project-paths.js';

/**
 * Where the data lives. The one decision every other module is spared: with DATABASE_URL
 * the server talks to PostgreSQL, otherwise to an embedded PostgreSQL (PGlite) in a folder,
 * so a newcomer's first `npm start` works on a machine with no database server.
 */
export type DatabaseTarget =
  | { kind: 'postgresql'; url: string }
  | { kind: 'embedded'; dataDir: string };

export type DatabaseKind = DatabaseTarget['kind'];

export const IN_MEMORY_DATA_DIR = 'memory://';

export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgresql', url };
  const configured = env.BOOKING_CENTER_DATA_DIR?.trim() || '.data/pglite';
  const dataDir = configured.startsWith('memory://') || isAbsolute(configured) ? configured : resolve(projectRoot, configured);
  return { kind: 'embedded', dataDir };
}

/** A description safe for logs and /healthz: never a password. */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === 'embedded') {
    return target.dataDir.startsWith('memory://') ? 'embedded PostgreSQL (PGlite) in memory' : `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
  }
  try {
    const parsed = new URL(target.url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
