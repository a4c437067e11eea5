/**
 * The application role (`booking_center_app`, tenant-scope.ts) and its grants, made sure of
 * after every migration run. The tenants migration creates them once; a role belongs to the whole
 * PostgreSQL server, though, so a backup restored onto another server, or a database copied
 * without its roles, would have the tables and not the role their statements switch to. Making
 * sure at start (idempotent, a few statements) spares an operator the SQL by hand.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { APP_ROLE } from './tenant-scope.js';

const ENSURE_APPLICATION_ROLE_SQL = `DO $$
BEGIN
  -- Only once the tenants migration has made the schema this role is for.
  IF to_regprocedure('app_current_tenant()') IS NULL THEN
    RETURN;
  END IF;
  BEGIN
    CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
  GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
  REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${APP_ROLE};
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
END $$;`;

export async function ensureApplicationRole(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<void> {
  const connection = await adapterFactory.connect();
  try {
    await connection.executeScript(ENSURE_APPLICATION_ROLE_SQL);
  } finally {
    await connection.dispose();
  }
}
