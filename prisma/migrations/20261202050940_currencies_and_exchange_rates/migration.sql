-- AlterTable
ALTER TABLE "bookings" ADD COLUMN     "exchange_rate" DECIMAL(18,6),
ADD COLUMN     "total_fee_vnd" DECIMAL(18,2);

-- AlterTable
ALTER TABLE "tracking_conversions" ADD COLUMN     "exchange_rate" DECIMAL(18,6),
ADD COLUMN     "revenue_vnd" DECIMAL(18,2);

-- CreateTable
CREATE TABLE "exchange_rates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "sync_seq" BIGINT NOT NULL DEFAULT 0,
    "sync_xid" BIGINT NOT NULL DEFAULT 0,
    "tenant_id" UUID NOT NULL DEFAULT app_current_tenant(),
    "currency" VARCHAR(3) NOT NULL,
    "rate_date" DATE NOT NULL,
    "rate_to_base" DECIMAL(18,6) NOT NULL,
    "source" TEXT,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "exchange_rates_sync_seq_idx" ON "exchange_rates"("sync_seq");

-- CreateIndex
CREATE INDEX "exchange_rates_sync_xid_idx" ON "exchange_rates"("sync_xid");

-- CreateIndex
CREATE UNIQUE INDEX "exchange_rates_tenant_id_currency_rate_date_key" ON "exchange_rates"("tenant_id", "currency", "rate_date");

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: exchange_rates belongs to a tenant like every other table (20261202011743).
ALTER TABLE "exchange_rates" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "exchange_rates" USING (tenant_id = (SELECT app_current_tenant())) WITH CHECK (tenant_id = (SELECT app_current_tenant()));

-- Amounts already in the tenant's base currency are their own base amount. Amounts in another
-- currency with a rate on their row convert at it; the others stay empty until a rate is given,
-- and totals no longer count them as if they were base currency.
UPDATE "payments" p SET "amount_vnd" = CASE WHEN p."currency" = t."base_currency" THEN p."amount" ELSE round(p."amount" * p."exchange_rate", 2) END
FROM "tenants" t
WHERE t."id" = p."tenant_id" AND p."amount_vnd" IS NULL AND (p."currency" = t."base_currency" OR p."exchange_rate" IS NOT NULL);
UPDATE "bookings" b SET "total_fee_vnd" = b."total_fee_agreed"
FROM "tenants" t
WHERE t."id" = b."tenant_id" AND b."currency" = t."base_currency";
UPDATE "tracking_conversions" c SET "revenue_vnd" = c."revenue"
FROM "tenants" t
WHERE t."id" = c."tenant_id" AND c."currency" = t."base_currency";
