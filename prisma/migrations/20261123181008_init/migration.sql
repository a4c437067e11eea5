-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('admin', 'lead', 'finance', 'viewer');

-- CreateEnum
CREATE TYPE "audit_source" AS ENUM ('sheet', 'api', 'import', 'cli', 'system');

-- CreateEnum
CREATE TYPE "gender" AS ENUM ('female', 'male', 'other');

-- CreateEnum
CREATE TYPE "creator_status" AS ENUM ('active', 'watchlist', 'blacklist');

-- CreateEnum
CREATE TYPE "channel_platform" AS ENUM ('tiktok', 'youtube', 'instagram', 'shopee_live', 'other');

-- CreateEnum
CREATE TYPE "contact_type" AS ENUM ('owner', 'manager', 'agency');

-- CreateEnum
CREATE TYPE "creator_note_type" AS ENUM ('call', 'meeting', 'complaint', 'compliment');

-- CreateEnum
CREATE TYPE "rate_card_deliverable_type" AS ENUM ('video_single', 'series', 'live', 'combo', 'other');

-- CreateEnum
CREATE TYPE "campaign_channel" AS ENUM ('tiktok', 'multi');

-- CreateEnum
CREATE TYPE "campaign_objective" AS ENUM ('awareness', 'traffic', 'sale', 'launch', 'clearance');

-- CreateEnum
CREATE TYPE "campaign_status" AS ENUM ('draft', 'planned', 'running', 'paused', 'finished', 'canceled');

-- CreateEnum
CREATE TYPE "campaign_creator_role" AS ENUM ('main', 'supporting', 'trial');

-- CreateEnum
CREATE TYPE "booking_type" AS ENUM ('video_only', 'live', 'combo', 'barter', 'affiliate_only');

-- CreateEnum
CREATE TYPE "booking_status" AS ENUM ('negotiating', 'confirmed', 'in_progress', 'completed', 'canceled');

-- CreateEnum
CREATE TYPE "deliverable_type" AS ENUM ('video_feed', 'video_story', 'live', 'series', 'short', 'other');

-- CreateEnum
CREATE TYPE "deliverable_status" AS ENUM ('planned', 'shooting', 'waiting_approve', 'scheduled', 'posted', 'rejected', 'canceled');

-- CreateEnum
CREATE TYPE "video_channel" AS ENUM ('tiktok', 'other');

-- CreateEnum
CREATE TYPE "video_status" AS ENUM ('posted', 'deleted', 'hidden', 'pending');

-- CreateEnum
CREATE TYPE "tracking_code_type" AS ENUM ('voucher', 'link', 'referral_code');

-- CreateEnum
CREATE TYPE "tracking_platform" AS ENUM ('tiktok_shop', 'web', 'shopee', 'other');

-- CreateEnum
CREATE TYPE "payment_method" AS ENUM ('bank_transfer', 'cash', 'other');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('planned', 'pending', 'paid', 'canceled');

-- CreateEnum
CREATE TYPE "template_type" AS ENUM ('brief', 'chat_message', 'email', 'contract', 'internal_note');

-- CreateEnum
CREATE TYPE "template_channel" AS ENUM ('tiktok', 'general');

-- CreateEnum
CREATE TYPE "rule_scope" AS ENUM ('campaign', 'booking', 'video', 'finance', 'creator');

-- CreateEnum
CREATE TYPE "rule_target_type" AS ENUM ('campaign', 'booking', 'video', 'creator', 'payment');

-- CreateEnum
CREATE TYPE "rule_log_result" AS ENUM ('matched', 'not_matched', 'executed');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "username" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'viewer',

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "actor_id" UUID,
    "actor_label" TEXT NOT NULL,
    "source" "audit_source" NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "note" TEXT,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brands" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "brands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "brand_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT,
    "sapo_product_id" TEXT,
    "shopee_id" TEXT,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creators" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "creator_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "alias" TEXT,
    "gender" "gender",
    "dob" DATE,
    "location" TEXT,
    "niche" TEXT,
    "note_internal" TEXT,
    "priority_score" INTEGER,
    "status" "creator_status" NOT NULL DEFAULT 'active',

    CONSTRAINT "creators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creator_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "creator_id" UUID NOT NULL,
    "platform" "channel_platform" NOT NULL,
    "handle" TEXT NOT NULL,
    "profile_url" TEXT,
    "external_id" TEXT,
    "follower_count" INTEGER,
    "avg_view_10" INTEGER,
    "avg_engagement_rate" DECIMAL(7,4),
    "data_raw" JSONB,

    CONSTRAINT "creator_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creator_contacts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "creator_id" UUID NOT NULL,
    "contact_type" "contact_type" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "zalo" TEXT,
    "email" TEXT,
    "wechat" TEXT,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "creator_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creator_tags" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "creator_tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creator_tag_maps" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "creator_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,

    CONSTRAINT "creator_tag_maps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creator_notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "creator_id" UUID NOT NULL,
    "user_id" UUID,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "note_type" "creator_note_type" NOT NULL,

    CONSTRAINT "creator_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creator_rate_cards" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "creator_id" UUID NOT NULL,
    "channel_id" UUID,
    "deliverable_type" "rate_card_deliverable_type" NOT NULL,
    "description" TEXT,
    "price" DECIMAL(18,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'VND',
    "valid_from" DATE,
    "valid_to" DATE,

    CONSTRAINT "creator_rate_cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brand_id" UUID NOT NULL,
    "channel" "campaign_channel" NOT NULL DEFAULT 'tiktok',
    "objective" "campaign_objective" NOT NULL,
    "description" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "budget_planned" DECIMAL(18,2),
    "budget_actual" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "kpi_view" BIGINT,
    "kpi_order" INTEGER,
    "kpi_revenue" DECIMAL(18,2),
    "status" "campaign_status" NOT NULL DEFAULT 'draft',
    "owner_id" UUID,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_products" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "campaign_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,

    CONSTRAINT "campaign_products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_creators" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "campaign_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "role" "campaign_creator_role" NOT NULL DEFAULT 'main',
    "note" TEXT,

    CONSTRAINT "campaign_creators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bookings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "code" TEXT NOT NULL,
    "campaign_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "channel_id" UUID,
    "brand_id" UUID NOT NULL,
    "product_focus_id" UUID,
    "booking_type" "booking_type" NOT NULL,
    "brief_summary" TEXT,
    "contract_file" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "total_fee_agreed" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'VND',
    "deliverables_count_planned" INTEGER,
    "status" "booking_status" NOT NULL DEFAULT 'negotiating',
    "internal_note" TEXT,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking_deliverables" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "booking_id" UUID NOT NULL,
    "deliverable_code" TEXT,
    "deliverable_type" "deliverable_type" NOT NULL,
    "title" TEXT NOT NULL,
    "script_link" TEXT,
    "requirements" TEXT,
    "deadline_shoot" DATE,
    "deadline_post" DATE,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "fee" DECIMAL(18,2),
    "status" "deliverable_status" NOT NULL DEFAULT 'planned',

    CONSTRAINT "booking_deliverables_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking_status_history" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "booking_id" UUID NOT NULL,
    "from_status" "booking_status",
    "to_status" "booking_status" NOT NULL,
    "changed_by_id" UUID,
    "note" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "booking_status_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "videos" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "booking_deliverable_id" UUID,
    "booking_id" UUID,
    "campaign_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "channel" "video_channel" NOT NULL DEFAULT 'tiktok',
    "platform_video_id" TEXT,
    "url" TEXT,
    "title" TEXT,
    "post_date" DATE,
    "thumbnail_url" TEXT,
    "status" "video_status" NOT NULL DEFAULT 'posted',

    CONSTRAINT "videos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "video_metric_snapshots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "video_id" UUID NOT NULL,
    "snapshot_time" TIMESTAMPTZ(3) NOT NULL,
    "view_count" BIGINT NOT NULL DEFAULT 0,
    "like_count" INTEGER NOT NULL DEFAULT 0,
    "comment_count" INTEGER NOT NULL DEFAULT 0,
    "share_count" INTEGER NOT NULL DEFAULT 0,
    "save_count" INTEGER NOT NULL DEFAULT 0,
    "engagement_rate" DECIMAL(7,4),
    "data_raw" JSONB,

    CONSTRAINT "video_metric_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_assets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "campaign_id" UUID NOT NULL,
    "booking_id" UUID,
    "creator_id" UUID,
    "code_type" "tracking_code_type" NOT NULL,
    "code_value" TEXT NOT NULL,
    "platform" "tracking_platform" NOT NULL,
    "target_url" TEXT,
    "note" TEXT,

    CONSTRAINT "tracking_assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_conversions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "tracking_asset_id" UUID NOT NULL,
    "order_code" TEXT NOT NULL,
    "order_id_external" TEXT,
    "order_date" TIMESTAMPTZ(3),
    "revenue" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'VND',
    "source_platform" TEXT,
    "product_id" UUID,
    "quantity" INTEGER,
    "data_raw" JSONB,

    CONSTRAINT "tracking_conversions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "payment_ref" TEXT,
    "booking_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'VND',
    "exchange_rate" DECIMAL(18,6),
    "amount_vnd" DECIMAL(18,2),
    "payment_date" DATE,
    "payment_method" "payment_method" NOT NULL DEFAULT 'bank_transfer',
    "status" "payment_status" NOT NULL DEFAULT 'planned',
    "invoice_number" TEXT,
    "note" TEXT,
    "created_by_id" UUID,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "templates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "template_type" "template_type" NOT NULL,
    "channel" "template_channel" NOT NULL DEFAULT 'general',
    "content" TEXT NOT NULL DEFAULT '',
    "variables" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "scope" "rule_scope" NOT NULL,
    "condition_json" JSONB NOT NULL DEFAULT '{}',
    "action_json" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rule_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "rule_id" UUID NOT NULL,
    "target_type" "rule_target_type" NOT NULL,
    "target_id" TEXT NOT NULL,
    "result" "rule_log_result" NOT NULL,
    "detail" JSONB,

    CONSTRAINT "rule_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_sync_seq_idx" ON "users"("sync_seq");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_created_at_idx" ON "audit_logs"("entity_type", "entity_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_created_at_idx" ON "audit_logs"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_sync_seq_idx" ON "audit_logs"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "brands_code_key" ON "brands"("code");

-- CreateIndex
CREATE INDEX "brands_sync_seq_idx" ON "brands"("sync_seq");

-- CreateIndex
CREATE INDEX "products_category_idx" ON "products"("category");

-- CreateIndex
CREATE INDEX "products_sync_seq_idx" ON "products"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "products_brand_id_code_key" ON "products"("brand_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "creators_creator_key_key" ON "creators"("creator_key");

-- CreateIndex
CREATE INDEX "creators_status_idx" ON "creators"("status");

-- CreateIndex
CREATE INDEX "creators_location_idx" ON "creators"("location");

-- CreateIndex
CREATE INDEX "creators_niche_idx" ON "creators"("niche");

-- CreateIndex
CREATE INDEX "creators_sync_seq_idx" ON "creators"("sync_seq");

-- CreateIndex
CREATE INDEX "creator_channels_creator_id_idx" ON "creator_channels"("creator_id");

-- CreateIndex
CREATE INDEX "creator_channels_follower_count_idx" ON "creator_channels"("follower_count");

-- CreateIndex
CREATE INDEX "creator_channels_sync_seq_idx" ON "creator_channels"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "creator_channels_platform_handle_key" ON "creator_channels"("platform", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "creator_channels_platform_external_id_key" ON "creator_channels"("platform", "external_id");

-- CreateIndex
CREATE INDEX "creator_contacts_sync_seq_idx" ON "creator_contacts"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "creator_contacts_creator_id_contact_type_name_key" ON "creator_contacts"("creator_id", "contact_type", "name");

-- CreateIndex
CREATE UNIQUE INDEX "creator_tags_name_key" ON "creator_tags"("name");

-- CreateIndex
CREATE INDEX "creator_tags_sync_seq_idx" ON "creator_tags"("sync_seq");

-- CreateIndex
CREATE INDEX "creator_tag_maps_tag_id_idx" ON "creator_tag_maps"("tag_id");

-- CreateIndex
CREATE INDEX "creator_tag_maps_sync_seq_idx" ON "creator_tag_maps"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "creator_tag_maps_creator_id_tag_id_key" ON "creator_tag_maps"("creator_id", "tag_id");

-- CreateIndex
CREATE INDEX "creator_notes_creator_id_created_at_idx" ON "creator_notes"("creator_id", "created_at");

-- CreateIndex
CREATE INDEX "creator_notes_sync_seq_idx" ON "creator_notes"("sync_seq");

-- CreateIndex
CREATE INDEX "creator_rate_cards_creator_id_deliverable_type_idx" ON "creator_rate_cards"("creator_id", "deliverable_type");

-- CreateIndex
CREATE INDEX "creator_rate_cards_sync_seq_idx" ON "creator_rate_cards"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_code_key" ON "campaigns"("code");

-- CreateIndex
CREATE INDEX "campaigns_brand_id_start_date_idx" ON "campaigns"("brand_id", "start_date");

-- CreateIndex
CREATE INDEX "campaigns_status_start_date_idx" ON "campaigns"("status", "start_date");

-- CreateIndex
CREATE INDEX "campaigns_owner_id_idx" ON "campaigns"("owner_id");

-- CreateIndex
CREATE INDEX "campaigns_created_at_id_idx" ON "campaigns"("created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "campaigns_budget_planned_idx" ON "campaigns"("budget_planned");

-- CreateIndex
CREATE INDEX "campaigns_sync_seq_idx" ON "campaigns"("sync_seq");

-- CreateIndex
CREATE INDEX "campaign_products_product_id_idx" ON "campaign_products"("product_id");

-- CreateIndex
CREATE INDEX "campaign_products_sync_seq_idx" ON "campaign_products"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_products_campaign_id_product_id_key" ON "campaign_products"("campaign_id", "product_id");

-- CreateIndex
CREATE INDEX "campaign_creators_creator_id_idx" ON "campaign_creators"("creator_id");

-- CreateIndex
CREATE INDEX "campaign_creators_sync_seq_idx" ON "campaign_creators"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_creators_campaign_id_creator_id_key" ON "campaign_creators"("campaign_id", "creator_id");

-- CreateIndex
CREATE UNIQUE INDEX "bookings_code_key" ON "bookings"("code");

-- CreateIndex
CREATE INDEX "bookings_campaign_id_status_idx" ON "bookings"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "bookings_creator_id_status_idx" ON "bookings"("creator_id", "status");

-- CreateIndex
CREATE INDEX "bookings_brand_id_idx" ON "bookings"("brand_id");

-- CreateIndex
CREATE INDEX "bookings_sync_seq_idx" ON "bookings"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "booking_deliverables_deliverable_code_key" ON "booking_deliverables"("deliverable_code");

-- CreateIndex
CREATE INDEX "booking_deliverables_booking_id_deliverable_type_title_dead_idx" ON "booking_deliverables"("booking_id", "deliverable_type", "title", "deadline_post");

-- CreateIndex
CREATE INDEX "booking_deliverables_deadline_post_status_idx" ON "booking_deliverables"("deadline_post", "status");

-- CreateIndex
CREATE INDEX "booking_deliverables_sync_seq_idx" ON "booking_deliverables"("sync_seq");

-- CreateIndex
CREATE INDEX "booking_status_history_booking_id_changed_at_idx" ON "booking_status_history"("booking_id", "changed_at");

-- CreateIndex
CREATE INDEX "booking_status_history_sync_seq_idx" ON "booking_status_history"("sync_seq");

-- CreateIndex
CREATE INDEX "videos_campaign_id_post_date_idx" ON "videos"("campaign_id", "post_date");

-- CreateIndex
CREATE INDEX "videos_creator_id_post_date_idx" ON "videos"("creator_id", "post_date");

-- CreateIndex
CREATE INDEX "videos_booking_id_idx" ON "videos"("booking_id");

-- CreateIndex
CREATE INDEX "videos_url_idx" ON "videos"("url");

-- CreateIndex
CREATE INDEX "videos_sync_seq_idx" ON "videos"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "videos_channel_platform_video_id_key" ON "videos"("channel", "platform_video_id");

-- CreateIndex
CREATE INDEX "video_metric_snapshots_sync_seq_idx" ON "video_metric_snapshots"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "video_metric_snapshots_video_id_snapshot_time_key" ON "video_metric_snapshots"("video_id", "snapshot_time");

-- CreateIndex
CREATE INDEX "tracking_assets_campaign_id_idx" ON "tracking_assets"("campaign_id");

-- CreateIndex
CREATE INDEX "tracking_assets_sync_seq_idx" ON "tracking_assets"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_assets_platform_code_type_code_value_key" ON "tracking_assets"("platform", "code_type", "code_value");

-- CreateIndex
CREATE INDEX "tracking_conversions_tracking_asset_id_order_date_idx" ON "tracking_conversions"("tracking_asset_id", "order_date");

-- CreateIndex
CREATE INDEX "tracking_conversions_sync_seq_idx" ON "tracking_conversions"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_conversions_tracking_asset_id_order_code_key" ON "tracking_conversions"("tracking_asset_id", "order_code");

-- CreateIndex
CREATE UNIQUE INDEX "payments_payment_ref_key" ON "payments"("payment_ref");

-- CreateIndex
CREATE INDEX "payments_campaign_id_payment_date_idx" ON "payments"("campaign_id", "payment_date");

-- CreateIndex
CREATE INDEX "payments_creator_id_payment_date_idx" ON "payments"("creator_id", "payment_date");

-- CreateIndex
CREATE INDEX "payments_status_payment_date_idx" ON "payments"("status", "payment_date");

-- CreateIndex
CREATE INDEX "payments_booking_id_payment_date_amount_status_idx" ON "payments"("booking_id", "payment_date", "amount", "status");

-- CreateIndex
CREATE INDEX "payments_sync_seq_idx" ON "payments"("sync_seq");

-- CreateIndex
CREATE INDEX "templates_sync_seq_idx" ON "templates"("sync_seq");

-- CreateIndex
CREATE UNIQUE INDEX "templates_template_type_name_key" ON "templates"("template_type", "name");

-- CreateIndex
CREATE UNIQUE INDEX "rules_name_key" ON "rules"("name");

-- CreateIndex
CREATE INDEX "rules_sync_seq_idx" ON "rules"("sync_seq");

-- CreateIndex
CREATE INDEX "rule_logs_rule_id_created_at_idx" ON "rule_logs"("rule_id", "created_at");

-- CreateIndex
CREATE INDEX "rule_logs_target_type_target_id_idx" ON "rule_logs"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "rule_logs_sync_seq_idx" ON "rule_logs"("sync_seq");

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_channels" ADD CONSTRAINT "creator_channels_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_contacts" ADD CONSTRAINT "creator_contacts_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_tag_maps" ADD CONSTRAINT "creator_tag_maps_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_tag_maps" ADD CONSTRAINT "creator_tag_maps_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "creator_tags"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_notes" ADD CONSTRAINT "creator_notes_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_notes" ADD CONSTRAINT "creator_notes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_rate_cards" ADD CONSTRAINT "creator_rate_cards_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creator_rate_cards" ADD CONSTRAINT "creator_rate_cards_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "creator_channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_products" ADD CONSTRAINT "campaign_products_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_products" ADD CONSTRAINT "campaign_products_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_creators" ADD CONSTRAINT "campaign_creators_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_creators" ADD CONSTRAINT "campaign_creators_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "creator_channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_product_focus_id_fkey" FOREIGN KEY ("product_focus_id") REFERENCES "products"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_deliverables" ADD CONSTRAINT "booking_deliverables_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_status_history" ADD CONSTRAINT "booking_status_history_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_status_history" ADD CONSTRAINT "booking_status_history_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "videos" ADD CONSTRAINT "videos_booking_deliverable_id_fkey" FOREIGN KEY ("booking_deliverable_id") REFERENCES "booking_deliverables"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "videos" ADD CONSTRAINT "videos_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "videos" ADD CONSTRAINT "videos_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "videos" ADD CONSTRAINT "videos_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_metric_snapshots" ADD CONSTRAINT "video_metric_snapshots_video_id_fkey" FOREIGN KEY ("video_id") REFERENCES "videos"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_assets" ADD CONSTRAINT "tracking_assets_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_assets" ADD CONSTRAINT "tracking_assets_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_assets" ADD CONSTRAINT "tracking_assets_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_conversions" ADD CONSTRAINT "tracking_conversions_tracking_asset_id_fkey" FOREIGN KEY ("tracking_asset_id") REFERENCES "tracking_assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_conversions" ADD CONSTRAINT "tracking_conversions_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "creators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rule_logs" ADD CONSTRAINT "rule_logs_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "rules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
