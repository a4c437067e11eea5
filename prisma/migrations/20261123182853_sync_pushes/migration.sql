-- CreateTable
CREATE TABLE "sync_pushes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "idempotency_key" TEXT NOT NULL,
    "actor_label" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response" JSONB NOT NULL,

    CONSTRAINT "sync_pushes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sync_pushes_idempotency_key_key" ON "sync_pushes"("idempotency_key");

-- CreateIndex
CREATE INDEX "sync_pushes_sync_seq_idx" ON "sync_pushes"("sync_seq");

-- Row bookkeeping (see the sync_bookkeeping migration).
CREATE TRIGGER sync_pushes_touch_row BEFORE INSERT OR UPDATE ON sync_pushes FOR EACH ROW EXECUTE FUNCTION booking_center_touch_row();
