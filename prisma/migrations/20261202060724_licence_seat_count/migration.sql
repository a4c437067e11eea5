-- Hand-written. A licence's seats count the active people of the whole installation (it is bound
-- to one machine, whatever tenants it serves), but the application role sees only its own
-- tenant's users (row-level security). This function counts across tenants the way the sign-in
-- lookup reads them (app.identity_lookup, 20261202011743) and gives back one number, no names; it
-- restores the setting before returning, so the rest of the transaction stays in its tenant.
CREATE OR REPLACE FUNCTION app_active_user_count() RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := coalesce(current_setting('app.identity_lookup', true), '');
  counted integer;
BEGIN
  PERFORM set_config('app.identity_lookup', 'on', true);
  SELECT count(*)::integer INTO counted FROM users WHERE is_active AND deleted_at IS NULL;
  PERFORM set_config('app.identity_lookup', previous, true);
  RETURN counted;
END
$$;
