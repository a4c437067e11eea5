-- Read-outs (issue 14, item 7): a booking's paid, views and orders live in other tables, and the
-- sheet's incremental pull re-sends a row only when its sync_seq moves. The write door touches
-- the parents of what it wrote with booking_center.read_out_refresh set for the transaction: the
-- row gets a new sync_seq and sync_xid (the next pull re-sends it with fresh read-outs) but keeps
-- its row_version and updated_at, so a planner's pending edit of that row is no conflict.
CREATE OR REPLACE FUNCTION booking_center_touch_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.sync_xid := pg_current_xact_id()::text::bigint;
    NEW.sync_seq := nextval('booking_center_sync_seq');
    NEW.row_version := 1;
    RETURN NEW;
  END IF;
  -- An update that changes nothing but bookkeeping keeps the row as it was, so re-importing
  -- an unchanged file leaves versions and cursors alone.
  IF (to_jsonb(NEW) - 'updated_at' - 'row_version' - 'sync_seq' - 'sync_xid')
     = (to_jsonb(OLD) - 'updated_at' - 'row_version' - 'sync_seq' - 'sync_xid') THEN
    NEW.updated_at := OLD.updated_at;
    NEW.row_version := OLD.row_version;
    IF coalesce(current_setting('booking_center.read_out_refresh', true), '') = 'on' THEN
      NEW.sync_xid := pg_current_xact_id()::text::bigint;
      NEW.sync_seq := nextval('booking_center_sync_seq');
    ELSE
      NEW.sync_seq := OLD.sync_seq;
      NEW.sync_xid := OLD.sync_xid;
    END IF;
    RETURN NEW;
  END IF;
  NEW.row_version := OLD.row_version + 1;
  NEW.sync_xid := pg_current_xact_id()::text::bigint;
  NEW.sync_seq := nextval('booking_center_sync_seq');
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
