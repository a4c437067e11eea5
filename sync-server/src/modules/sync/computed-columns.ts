import { storedComputedColumns, type TableDefinition } from '../../contract/index.js';
import type { CellRecord } from '../../contract/sync-payloads.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import { getCampaignsHealth } from '../campaigns/campaign-metrics.service.js';
import type { TemplateRowRecord } from '../exports/template-rows.repository.js';

/**
 * The read-only columns a sheet shows right of the template columns. Every table has
 * row_version and updated_at; campaigns add their health flags and metrics, computed for the
 * whole set of rows at once (never one query per campaign); amounts in another currency show
 * their base-currency value as the write door stored it (amount_vnd, total_fee_vnd, revenue_vnd).
 */
export async function computeColumns(db: SqlDb, definition: TableDefinition, rows: readonly TemplateRowRecord[]): Promise<Map<string, CellRecord>> {
  const stored = storedComputedColumns(definition);
  const computed = new Map<string, CellRecord>(
    rows.map((row) => {
      const cells: CellRecord = { row_version: row.row_version, updated_at: row.updated_at };
      for (const column of stored) {
        const text = row.values[column.name] ?? null;
        cells[column.name] = text === null ? null : Number(text);
      }
      return [row.id, cells];
    }),
  );
  if (definition.name === 'campaigns') {
    const live = rows.filter((row) => !row.is_deleted).map((row) => row.id);
    for (const health of await getCampaignsHealth(db, live)) {
      const { metrics, flags } = health;
      Object.assign(computed.get(health.campaignId)!, {
        health_flags: flags.map((flag) => flag.code).join(', '),
        creators_count: metrics.creatorsCount,
        products_count: metrics.productsCount,
        budget_committed: metrics.budgetCommitted,
        budget_actual: metrics.budgetActualPaid,
        progress_percent: metrics.progressPercent,
        roas: metrics.roas,
      });
    }
  }
  return computed;
}
