-- Hand-written: Campaigns module (issue 4).

-- ── campaigns.budget_actual = sum of paid payments, whatever writes the payments ────────
-- The importer writes payments set-based, the API row by row, a person maybe by psql: a
-- statement-level trigger with transition tables keeps the denormalised total right for all
-- of them, recomputing each touched campaign once per statement. The application calls the
-- same function (recalculateBudgetActual) to repair or backfill.
-- Paid means status 'paid' on a live row; the amount is amount_vnd, or amount when no VND
-- amount is known (VND payments).
CREATE OR REPLACE FUNCTION booking_center_recalculate_budget_actual(campaign_ids uuid[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  changed integer;
BEGIN
  WITH totals AS (
    SELECT c.id,
           COALESCE(SUM(COALESCE(p.amount_vnd, p.amount))
                    FILTER (WHERE p.status = 'paid' AND p.deleted_at IS NULL AND p.is_active), 0)::numeric(18, 2) AS total
    FROM campaigns c
    LEFT JOIN payments p ON p.campaign_id = c.id
    WHERE c.id = ANY (campaign_ids)
    GROUP BY c.id
  )
  UPDATE campaigns c SET budget_actual = t.total
  FROM totals t
  WHERE c.id = t.id AND c.budget_actual IS DISTINCT FROM t.total;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END;
$$;

CREATE OR REPLACE FUNCTION booking_center_payments_budget_actual() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT campaign_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT campaign_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT campaign_id) INTO ids
    FROM (SELECT campaign_id FROM new_rows UNION SELECT campaign_id FROM old_rows) touched;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM booking_center_recalculate_budget_actual(ids);
  END IF;
  RETURN NULL;
END;
$$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
CREATE TRIGGER payments_budget_actual_insert
  AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION booking_center_payments_budget_actual();
CREATE TRIGGER payments_budget_actual_update
  AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION booking_center_payments_budget_actual();
CREATE TRIGGER payments_budget_actual_delete
  AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION booking_center_payments_budget_actual();

-- ── Accent- and case-insensitive search ──────────────────────────────────────────────
-- unaccent() is only STABLE (it reads a dictionary), so it can't back an index; this wrapper
-- pins the dictionary by schema and is IMMUTABLE. "Chiến dịch Tết" → "chien dich tet"; đ/Đ → d.
DO $$
DECLARE
  extension_schema text;
BEGIN
  SELECT n.nspname INTO extension_schema
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE e.extname = 'unaccent';
  EXECUTE format(
    'CREATE OR REPLACE FUNCTION booking_center_search_key(value text) RETURNS text '
    'LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$ SELECT lower(%1$I.unaccent(%2$L::regdictionary, coalesce(value, ''''))) $f$',
    extension_schema, extension_schema || '.unaccent');
END;
$$;

CREATE INDEX campaigns_search_key_trgm ON campaigns
  USING gin (booking_center_search_key(code || ' ' || name) gin_trgm_ops);
