-- DropIndex
DROP INDEX "audit_logs_sync_seq_idx";

-- DropIndex
DROP INDEX "audit_logs_sync_xid_idx";

