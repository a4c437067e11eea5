/**
 * A small slice of the table definitions as GET /api/v1/tables will serve them (the real ones
 * come from sync-server/src/contract once it lands). Columns follow the import templates of 001.
 */
import type { ColumnPayload, TablePayload } from '../../../sync-server/src/contract/sync-payloads.js';

const text = (name: string, required = false, extra: Partial<ColumnPayload> = {}): ColumnPayload => ({ name, type: 'text', required, computed: false, ...extra });
const computed = (name: string, type: ColumnPayload['type'] = 'text'): ColumnPayload => ({ name, type, required: false, computed: true });
const meta = [computed('row_version', 'integer'), computed('updated_at', 'datetime')];

export const brandsTable: TablePayload = {
  name: 'brands',
  title: 'Brands',
  naturalKey: ['code'],
  dependsOn: [],
  columns: [text('code', true), text('name', true), text('description'), ...meta],
};

export const creatorsTable: TablePayload = {
  name: 'creators',
  title: 'Creators',
  naturalKey: ['creator_key'],
  dependsOn: [],
  columns: [
    text('creator_key', true),
    text('name', true),
    text('location'),
    text('niche'),
    { name: 'status', type: 'enum', required: true, enumValues: ['active', 'watchlist', 'blacklist'], computed: false },
    { name: 'priority_score', type: 'integer', required: false, computed: false },
    ...meta,
  ],
};

export const campaignsTable: TablePayload = {
  name: 'campaigns',
  title: 'Campaigns',
  naturalKey: ['code'],
  dependsOn: ['brands'],
  columns: [
    text('code', true),
    text('name', true),
    text('brand_code', true, { references: { table: 'brands', column: 'code' } }),
    { name: 'channel', type: 'enum', required: true, enumValues: ['tiktok', 'multi'], computed: false },
    { name: 'objective', type: 'enum', required: true, enumValues: ['awareness', 'traffic', 'sale', 'launch', 'clearance'], computed: false },
    text('description'),
    { name: 'start_date', type: 'date', required: false, computed: false },
    { name: 'end_date', type: 'date', required: false, computed: false },
    { name: 'budget_planned', type: 'money', required: false, computed: false },
    { name: 'status', type: 'enum', required: true, enumValues: ['draft', 'planned', 'running', 'paused', 'finished', 'canceled'], computed: false },
    computed('creators_count', 'integer'),
    computed('budget_committed', 'money'),
    computed('health_flags'),
    ...meta,
  ],
};

export const campaignCreatorsTable: TablePayload = {
  name: 'campaign_creators',
  title: 'Campaign Creators',
  naturalKey: ['campaign_code', 'creator_key'],
  dependsOn: ['campaigns', 'creators'],
  columns: [
    text('campaign_code', true, { references: { table: 'campaigns', column: 'code' } }),
    text('creator_key', true, { references: { table: 'creators', column: 'creator_key' } }),
    { name: 'role', type: 'enum', required: true, enumValues: ['main', 'supporting', 'trial'], computed: false },
    text('note'),
    ...meta,
  ],
};

export const campaignProductsTable: TablePayload = {
  name: 'campaign_products',
  title: 'Campaign Products',
  naturalKey: ['campaign_code', 'brand_code', 'product_code'],
  dependsOn: ['campaigns'],
  columns: [
    text('campaign_code', true, { references: { table: 'campaigns', column: 'code' } }),
    text('brand_code', true),
    text('product_code', true),
    { name: 'priority', type: 'integer', required: true, computed: false },
    text('note'),
    ...meta,
  ],
};

/** Deliberately not in dependency order: the add-on must sort them. */
export const fixtureTables: TablePayload[] = [campaignCreatorsTable, campaignsTable, creatorsTable, brandsTable, campaignProductsTable];
