-- Hand-written: what Prisma's schema language cannot express.

-- Accent-insensitive search ("chien dich tet" finds "Chiến dịch Tết") and trigram indexes.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- ── Row bookkeeping for the sheet sync ──────────────────────────────────────────────
-- row_version: bumped on every real change; a sheet row pushed with an older version is a
--   conflict, never a silent overwrite.
-- sync_seq: one sequence across all tables; "pull since cursor" returns rows whose sync_seq
--   is above the cursor, soft deletions included.
-- Triggers, not application code, maintain them so that every write path (Prisma, set-based
-- SQL from the importer, psql by hand) keeps them right.
CREATE SEQUENCE IF NOT EXISTS booking_center_sync_seq;

CREATE OR REPLACE FUNCTION booking_center_touch_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.sync_seq := nextval('booking_center_sync_seq');
    NEW.row_version := 1;
    RETURN NEW;
  END IF;
  -- An update that changes nothing but bookkeeping keeps the row as it was, so re-importing
  -- an unchanged file leaves versions and cursors alone.
  IF (to_jsonb(NEW) - 'updated_at' - 'row_version' - 'sync_seq')
     = (to_jsonb(OLD) - 'updated_at' - 'row_version' - 'sync_seq') THEN
    NEW.updated_at := OLD.updated_at;
    NEW.row_version := OLD.row_version;
    NEW.sync_seq := OLD.sync_seq;
    RETURN NEW;
  END IF;
  NEW.row_version := OLD.row_version + 1;
  NEW.sync_seq := nextval('booking_center_sync_seq');
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

DO $$
DECLARE
  table_name text;
BEGIN
  FOR table_name IN
    SELECT c.table_name FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_name = 'sync_seq'
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION booking_center_touch_row()',
      table_name || '_touch_row', table_name);
  END LOOP;
END;
$$;

-- ── The audit log is append-only ────────────────────────────────────────────────────
CREATE OR REPLACE FUNCTION booking_center_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_logs_append_only
  BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION booking_center_refuse_audit_change();
CREATE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION booking_center_refuse_audit_change();

-- ── Value rules the database enforces as a last line of defence ─────────────────────
ALTER TABLE creators ADD CONSTRAINT creators_priority_score_range CHECK (priority_score BETWEEN 1 AND 10);
