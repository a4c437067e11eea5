import type { Database } from '../../platform/database/open-database.js';
import { readMigrationList } from '../../platform/database/schema-engine.js';
import { findAppliedMigrationNames } from './health.repository.js';
import { currentLicenseStatus, type LicenseStatus } from '../license/license.service.js';

export type HealthReport = {
  status: 'ok' | 'degraded';
  database: { kind: Database['kind']; description: string; reachable: boolean };
  migrations: { applied: number; pending: string[]; latest: string | null };
  /** Licensed, trial or read-only, and why: a read-only server is healthy but refuses writes. */
  license: Pick<LicenseStatus, 'state' | 'canWrite' | 'reason' | 'message' | 'trialEndsAt'> & { expiresAt?: string; seats?: number };
};

export async function checkHealth(database: Database): Promise<HealthReport> {
  const onDisk = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
  let applied: string[] = [];
  let reachable = true;
  try {
    applied = await findAppliedMigrationNames(database.prisma);
  } catch {
    reachable = false;
  }
  const appliedSet = new Set(applied);
  const pending = onDisk.filter((name) => !appliedSet.has(name));
  return {
    status: reachable && pending.length === 0 ? 'ok' : 'degraded',
    database: { kind: database.kind, description: database.description, reachable },
    migrations: { applied: applied.length, pending, latest: applied.at(-1) ?? null },
    license: describeLicense(currentLicenseStatus()),
  };
}

function describeLicense(status: LicenseStatus): HealthReport['license'] {
  const { state, canWrite, reason, message, trialEndsAt, license } = status;
  return { state, canWrite, reason, message, trialEndsAt, expiresAt: license?.expiresAt, seats: license?.seats };
}
