/**
 * What a client user may read, resolved once per request at sign-in and carried on the Actor:
 * the brands assigned to them (user_brands) and whether their tenant lets clients see money
 * (`tenants.settings.clientsSeeMoney`). Carrying it on the actor keeps the money rule and the
 * campaign scope synchronous at every read, and costs staff roles nothing: only a client's
 * sign-in makes these two small reads.
 */
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import { loadCurrentTenantSettings } from '../tenants/tenant-settings.js';
import type { Actor } from './actor.js';

/** The actor with a client's brands and money setting; any other role is returned as it is. */
export async function resolveClientAccess(db: SqlDb, actor: Actor): Promise<Actor> {
  if (actor.role !== 'client') return actor;
  if (!actor.userId) return { ...actor, brandIds: [], canSeeMoney: false };
  const [brands, settings] = await Promise.all([
    db.$queryRawUnsafe<{ brand_id: string }[]>('SELECT brand_id::text AS brand_id FROM user_brands WHERE user_id = $1::uuid ORDER BY brand_id', actor.userId),
    loadCurrentTenantSettings(db),
  ]);
  return { ...actor, brandIds: brands.map((row) => row.brand_id), canSeeMoney: settings.clientsSeeMoney };
}
