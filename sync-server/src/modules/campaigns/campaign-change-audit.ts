/**
 * The audit of campaigns and their mappings when they change as template rows (a sheet push,
 * an import from the command line or an upload): field-level before and after, like the
 * campaign services record it. One read of the previous values per batch (existing rows only)
 * and one insert of entries per batch; assignments are grouped per campaign, so a 100,000-row
 * mapping import writes one entry per campaign and batch, not one per row.
 */
import type { NormalisedValue, TableDefinition } from '../../contract/index.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AuditEntryInput, Db, FieldChanges } from '../audit/audit.types.js';
import { findTemplateRowsByIds, type TemplateRowRecord } from '../exports/template-rows.repository.js';
import type { ReviewedRow, WrittenRow } from '../imports/import.types.js';

const AUDITED_TABLES = new Set(['campaigns', 'campaign_creators', 'campaign_products']);
const MAPPING_KEY_COLUMNS = new Set(['campaign_code', 'creator_key', 'brand_code', 'product_code']);

export type CampaignChangeAudit = {
  /** Template values (canonical text) of existing rows, as they were before this write. */
  readonly before: ReadonlyMap<string, Record<string, string | null>>;
  captureBefore(rows: readonly ReviewedRow[]): Promise<void>;
  recordWritten(rows: readonly WrittenRow[]): Promise<void>;
  recordDeleted(ids: readonly string[]): Promise<void>;
};

const asText = (value: NormalisedValue | undefined): string | null => (value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Undefined for tables the audit log does not follow. */
export function createCampaignChangeAudit(db: Db, actor: Actor, definition: TableDefinition): CampaignChangeAudit | undefined {
  if (!AUDITED_TABLES.has(definition.name)) return undefined;
  const before = new Map<string, Record<string, string | null>>();

  const diff = (id: string, values: Record<string, NormalisedValue>, skip: ReadonlySet<string>): FieldChanges => {
    const previous = before.get(id);
    const changes: FieldChanges = {};
    for (const [field, value] of Object.entries(values)) {
      if (skip.has(field)) continue;
      const oldValue = previous?.[field] ?? null;
      const newValue = asText(value);
      if (oldValue !== newValue) changes[field] = { before: oldValue, after: newValue };
    }
    return changes;
  };
  const mappingLabel = (values: Record<string, NormalisedValue | string | null>) =>
    definition.name === 'campaign_creators' ? `creator ${values.creator_key}` : `product ${values.brand_code}/${values.product_code}`;

  return {
    before,
    async captureBefore(rows) {
      const ids = rows.map((row) => row.existingId).filter((id): id is string => id !== null && !before.has(id));
      for (const record of await findTemplateRowsByIds(db, definition, ids)) before.set(record.id, record.values);
    },
    async recordWritten(rows) {
      const entries: AuditEntryInput[] = [];
      if (definition.name === 'campaigns') {
        for (const row of rows) {
          const changes = diff(row.id, row.values, new Set());
          if (Object.keys(changes).length) entries.push({ entityType: 'campaign', entityId: row.id, action: row.outcome === 'created' ? 'create' : 'update', changes });
        }
      } else {
        const byCampaign = new Map<string, { changes: FieldChanges; isAllNew: boolean }>();
        for (const row of rows) {
          const campaignId = row.referenceIds.campaign;
          if (!campaignId) continue;
          const entry = byCampaign.get(campaignId) ?? { changes: {}, isAllNew: true };
          const label = mappingLabel(row.values);
          if (row.outcome === 'created') {
            const assigned = Object.fromEntries(Object.entries(row.values).filter(([field]) => !MAPPING_KEY_COLUMNS.has(field)).map(([field, value]) => [field, asText(value)]));
            entry.changes[label] = { before: null, after: assigned };
          } else {
            entry.isAllNew = false;
            for (const [field, change] of Object.entries(diff(row.id, row.values, MAPPING_KEY_COLUMNS))) entry.changes[`${label}.${field}`] = change;
          }
          byCampaign.set(campaignId, entry);
        }
        for (const [campaignId, entry] of byCampaign) {
          if (Object.keys(entry.changes).length) entries.push({ entityType: 'campaign', entityId: campaignId, action: entry.isAllNew ? 'assign' : 'update', changes: entry.changes });
        }
      }
      await recordAudit(db, actor, entries);
    },
    async recordDeleted(ids) {
      if (ids.length === 0) return;
      if (definition.name === 'campaigns') {
        await recordAudit(db, actor, ids.map((id) => ({ entityType: 'campaign', entityId: id, action: 'delete', changes: { deleted: { before: false, after: true } } })));
        return;
      }
      const records: TemplateRowRecord[] = await findTemplateRowsByIds(db, definition, ids);
      const codes = [...new Set(records.map((record) => record.values.campaign_code).filter((code): code is string => code !== null))];
      const campaigns = await db.$queryRawUnsafe<Array<{ id: string; code: string }>>('SELECT id::text AS id, code FROM campaigns WHERE code = ANY($1::text[])', codes);
      const idByCode = new Map(campaigns.map((campaign) => [campaign.code, campaign.id]));
      const entries: AuditEntryInput[] = [];
      for (const record of records) {
        const campaignId = idByCode.get(record.values.campaign_code ?? '');
        if (campaignId) entries.push({ entityType: 'campaign', entityId: campaignId, action: 'unassign', changes: { [mappingLabel(record.values)]: { before: record.values, after: null } } });
      }
      await recordAudit(db, actor, entries);
    },
  };
}
