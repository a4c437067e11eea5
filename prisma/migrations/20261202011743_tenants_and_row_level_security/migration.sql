-- Tenants: an agency runs several clients on one server, each isolated by PostgreSQL row-level
-- security. Every business row gets tenant_id; its default is the transaction's tenant context
-- (set_config('app.tenant_id', ..., true), set by the write door and every read), so no writer
-- names it and no writer can forget it. The rows that exist now belong to the one default tenant.

-- The tenant of the current transaction, NULL when none is set ('' after a transaction that set one).
CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Signing in reads users and tokens before anyone's tenant is known; only the authenticator sets this.
CREATE FUNCTION app_is_identity_lookup() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('app.identity_lookup', true), '') = 'on' $$;

-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "base_currency" TEXT NOT NULL DEFAULT 'VND',
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "language" TEXT NOT NULL DEFAULT 'vi',
    "settings" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenants_code_key" ON "tenants"("code");
INSERT INTO "tenants" ("id", "code", "name") VALUES ('00000000-0000-4000-8000-000000000001', 'default', 'Booking Center');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "user_role" ADD VALUE 'client';
ALTER TYPE "user_role" ADD VALUE 'station_rep';

-- DropIndex
DROP INDEX "booking_deliverables_deliverable_code_key";

-- DropIndex
DROP INDEX "bookings_code_key";

-- DropIndex
DROP INDEX "brands_code_key";

-- DropIndex
DROP INDEX "campaigns_code_key";

-- DropIndex
DROP INDEX "creator_channels_platform_external_id_key";

-- DropIndex
DROP INDEX "creator_channels_platform_handle_key";

-- DropIndex
DROP INDEX "creator_tags_name_key";

-- DropIndex
DROP INDEX "creators_creator_key_key";

-- DropIndex
DROP INDEX "payments_payment_ref_key";

-- DropIndex
DROP INDEX "rules_name_key";

-- DropIndex
DROP INDEX "sync_pushes_idempotency_key_key";

-- DropIndex
DROP INDEX "templates_template_type_name_key";

-- DropIndex
DROP INDEX "tracking_assets_platform_code_type_code_value_key";

-- DropIndex
DROP INDEX "users_username_key";

-- DropIndex
DROP INDEX "videos_channel_platform_video_id_key";

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "booking_deliverables" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "booking_status_history" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "bookings" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "brands" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "campaign_creators" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "campaign_products" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "creator_channels" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "creator_contacts" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "creator_notes" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "creator_rate_cards" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "creator_tag_maps" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "creator_tags" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "creators" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "products" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "rule_logs" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "rules" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "sync_pushes" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "templates" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "tracking_assets" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "tracking_conversions" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "language" TEXT,
ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "video_metric_snapshots" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "videos" ADD COLUMN     "tenant_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';


-- CreateTable
CREATE TABLE "user_brands" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tenant_id" UUID NOT NULL DEFAULT app_current_tenant(),
    "user_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,

    CONSTRAINT "user_brands_pkey" PRIMARY KEY ("id")
);


-- CreateIndex
CREATE INDEX "user_brands_brand_id_idx" ON "user_brands"("brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_brands_user_id_brand_id_key" ON "user_brands"("user_id", "brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "booking_deliverables_tenant_id_deliverable_code_key" ON "booking_deliverables"("tenant_id", "deliverable_code");

-- CreateIndex
CREATE UNIQUE INDEX "bookings_tenant_id_code_key" ON "bookings"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "brands_tenant_id_code_key" ON "brands"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_tenant_id_code_key" ON "campaigns"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "creator_channels_tenant_id_platform_handle_key" ON "creator_channels"("tenant_id", "platform", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "creator_channels_tenant_id_platform_external_id_key" ON "creator_channels"("tenant_id", "platform", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "creator_tags_tenant_id_name_key" ON "creator_tags"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "creators_tenant_id_creator_key_key" ON "creators"("tenant_id", "creator_key");

-- CreateIndex
CREATE UNIQUE INDEX "payments_tenant_id_payment_ref_key" ON "payments"("tenant_id", "payment_ref");

-- CreateIndex
CREATE UNIQUE INDEX "rules_tenant_id_name_key" ON "rules"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "sync_pushes_tenant_id_idempotency_key_key" ON "sync_pushes"("tenant_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "templates_tenant_id_template_type_name_key" ON "templates"("tenant_id", "template_type", "name");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_assets_tenant_id_platform_code_type_code_value_key" ON "tracking_assets"("tenant_id", "platform", "code_type", "code_value");

-- CreateIndex
CREATE UNIQUE INDEX "users_tenant_id_username_key" ON "users"("tenant_id", "username");

-- CreateIndex
CREATE UNIQUE INDEX "videos_tenant_id_channel_platform_video_id_key" ON "videos"("tenant_id", "channel", "platform_video_id");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_brands" ADD CONSTRAINT "user_brands_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_brands" ADD CONSTRAINT "user_brands_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_brands" ADD CONSTRAINT "user_brands_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_pushes" ADD CONSTRAINT "sync_pushes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brands" ADD CONSTRAINT "brands_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creators" ADD CONSTRAINT "creators_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_channels" ADD CONSTRAINT "creator_channels_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_contacts" ADD CONSTRAINT "creator_contacts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_tags" ADD CONSTRAINT "creator_tags_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_tag_maps" ADD CONSTRAINT "creator_tag_maps_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_notes" ADD CONSTRAINT "creator_notes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_rate_cards" ADD CONSTRAINT "creator_rate_cards_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_products" ADD CONSTRAINT "campaign_products_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_creators" ADD CONSTRAINT "campaign_creators_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_deliverables" ADD CONSTRAINT "booking_deliverables_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_status_history" ADD CONSTRAINT "booking_status_history_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "videos" ADD CONSTRAINT "videos_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_metric_snapshots" ADD CONSTRAINT "video_metric_snapshots_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_assets" ADD CONSTRAINT "tracking_assets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_conversions" ADD CONSTRAINT "tracking_conversions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "templates" ADD CONSTRAINT "templates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rules" ADD CONSTRAINT "rules_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rule_logs" ADD CONSTRAINT "rule_logs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- From now on a new row takes the tenant of its transaction.
ALTER TABLE "api_tokens" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "audit_logs" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "booking_deliverables" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "booking_status_history" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "bookings" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "brands" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "campaign_creators" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "campaign_products" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "campaigns" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "creator_channels" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "creator_contacts" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "creator_notes" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "creator_rate_cards" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "creator_tag_maps" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "creator_tags" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "creators" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "outbox_events" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "payments" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "products" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "rule_logs" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "rules" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "sync_pushes" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "templates" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "tracking_assets" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "tracking_conversions" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "users" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "video_metric_snapshots" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "videos" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();

-- The application's role: not the owner, not a superuser, no BYPASSRLS, so the policies below hold
-- for every statement it runs. Each transaction switches to it (set_config('role', ..., true));
-- the login user (often the superuser postgres, always on PGlite) only migrates. Roles belong to
-- the whole server: another database of the same server may have created it already.
DO $$
BEGIN
  CREATE ROLE booking_center_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
-- A login user that is not a superuser (a managed PostgreSQL) must be a member to switch to it.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT booking_center_app TO %I', current_user);
  END IF;
EXCEPTION WHEN unique_violation THEN NULL;
END $$;
GRANT USAGE ON SCHEMA public TO booking_center_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO booking_center_app;
-- The migration history is the owner's to write (absent in the schema engine's shadow database).
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM booking_center_app;
  END IF;
END $$;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO booking_center_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO booking_center_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO booking_center_app;

-- Row-level security: a transaction sees and writes only its tenant's rows, even in a query that
-- forgot to filter. FORCE also binds the table's owner. The tenant is read in a sub-select, which
-- PostgreSQL computes once per statement (an InitPlan) instead of once per row.
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "api_tokens" USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_is_identity_lookup())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "audit_logs" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_logs" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "booking_deliverables" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "booking_deliverables" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "booking_status_history" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "booking_status_history" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "bookings" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "bookings" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "brands" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "brands" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "campaign_creators" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "campaign_creators" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "campaign_products" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "campaign_products" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "campaigns" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "campaigns" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "creator_channels" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creator_channels" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "creator_contacts" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creator_contacts" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "creator_notes" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creator_notes" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "creator_rate_cards" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creator_rate_cards" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "creator_tag_maps" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creator_tag_maps" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "creator_tags" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creator_tags" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "creators" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creators" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "outbox_events" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "outbox_events" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "payments" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "products" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "products" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "rule_logs" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "rule_logs" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "rules" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "rules" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "sync_pushes" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "sync_pushes" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "templates" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "templates" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "tracking_assets" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tracking_assets" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "tracking_conversions" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tracking_conversions" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "users" USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_is_identity_lookup())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "video_metric_snapshots" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "video_metric_snapshots" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "videos" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "videos" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));
ALTER TABLE "user_brands" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "user_brands" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));

-- The directory of tenants is readable by everyone signed in (a code names one); a tenant's row
-- changes only in its own context, and a new one is created in the context of its new id.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_directory ON "tenants" FOR SELECT USING (true);
CREATE POLICY tenant_own_row_insert ON "tenants" FOR INSERT WITH CHECK (id = app_current_tenant());
CREATE POLICY tenant_own_row_update ON "tenants" FOR UPDATE USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());
