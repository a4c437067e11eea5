-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "sync_xid" BIGINT NOT NULL DEFAULT 0,
    "position" BIGSERIAL NOT NULL,
    "event_type" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "actor_label" TEXT NOT NULL,
    "source" "audit_source" NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_position_idx" ON "outbox_events"("position");

-- CreateIndex
CREATE INDEX "outbox_events_event_type_position_idx" ON "outbox_events"("event_type", "position");


-- Row bookkeeping, as on every table (row_version, sync_seq, sync_xid).
CREATE TRIGGER outbox_events_touch_row BEFORE INSERT OR UPDATE ON outbox_events FOR EACH ROW EXECUTE FUNCTION booking_center_touch_row();
