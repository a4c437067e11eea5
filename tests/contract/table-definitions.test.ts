import { describe, expect, it } from 'vitest';
import * as prismaEnums from '../../sync-server/src/generated/prisma/enums.js';
import { enumValues, prismaEnumNames, storedComputedColumns, tableDefinitions, templateColumns, type EnumName } from '../../sync-server/src/contract/index.js';

// The column lists of spec 001, section IMPORT FILES, verbatim.
const columnsOf001: Record<string, string> = {
  brands: 'code,name,description',
  products: 'brand_code,code,name,category,sapo_id,shopee_id',
  creators: 'creator_key,name,alias,gender,dob,location,niche,status,priority_score,note_internal',
  creator_channels: 'creator_key,platform,handle,profile_url,external_id,follower_count,avg_view_10,avg_engagement_rate',
  creator_contacts: 'creator_key,contact_type,name,phone,zalo,email,wechat,is_primary,note',
  campaigns: 'code,name,brand_code,channel,objective,description,start_date,end_date,budget_planned,kpi_view,kpi_order,kpi_revenue,status,owner_username',
  campaign_products: 'campaign_code,brand_code,product_code,priority,note',
  campaign_creators: 'campaign_code,creator_key,role,note',
  bookings: 'code,campaign_code,brand_code,creator_key,platform,handle,product_code,booking_type,brief_summary,start_date,end_date,total_fee_agreed,currency,deliverables_count_planned,status,internal_note',
  booking_deliverables: 'booking_code,deliverable_type,title,script_link,requirements,deadline_shoot,deadline_post,quantity,fee,status',
  videos: 'booking_code,deliverable_title,channel,platform_video_id,url,title,post_date,thumbnail_url,status',
  video_snapshots: 'channel,platform_video_id,snapshot_time,view_count,like_count,comment_count,share_count,save_count,engagement_rate',
  tracking_assets: 'campaign_code,booking_code,creator_key,code_type,code_value,platform,target_url,note,is_active',
  conversions: 'platform,code_type,code_value,order_code,order_id_external,order_date,revenue,currency,source_platform,brand_code,product_code,quantity',
  payments: 'booking_code,campaign_code,creator_key,amount,currency,exchange_rate,amount_vnd,payment_date,payment_method,status,invoice_number,note,created_by_username',
};

/** A template's columns with `column` put right after `after` (or taken out, with no `after`). */
function amend(columns: string, column: string, after?: string): string {
  const names = columns.split(',').filter((name) => name !== column);
  if (after) names.splice(names.indexOf(after) + 1, 0, column);
  return names.join(',');
}

// Issue 13 (currencies): the exchange rates are a template of their own; bookings and conversions
// take an optional exchange_rate after their currency, as payments do; payments' amount_vnd is
// filled by the server now (a computed column: a file that still carries it imports, the column is
// read past).
const columnsNow: Record<string, string> = {
  ...columnsOf001,
  exchange_rates: 'currency,rate_date,rate_to_base,source',
  bookings: amend(columnsOf001.bookings!, 'exchange_rate', 'currency'),
  conversions: amend(columnsOf001.conversions!, 'exchange_rate', 'currency'),
  payments: amend(columnsOf001.payments!, 'amount_vnd'),
  // Issue 14: the rest of 001 B, from its models (001 lists no template for them): a tag map by
  // creator and tag name, a note's author by username like payments, a rate card's channel by
  // platform + handle like bookings.
  creator_tags: 'name,description',
  creator_tag_map: 'creator_key,tag_name',
  creator_notes: 'creator_key,note_type,title,content,created_by_username',
  creator_rate_cards: 'creator_key,platform,handle,deliverable_type,description,price,currency,valid_from,valid_to',
};

describe('table definitions', () => {
  it("hold the 15 templates of 001 with exactly its columns, in its order, issue 13's exchange rates and issue 14's tags, notes and rate cards", () => {
    expect(tableDefinitions.map((definition) => definition.name).sort()).toEqual(Object.keys(columnsNow).sort());
    for (const definition of tableDefinitions) {
      expect(templateColumns(definition).map((column) => column.name).join(','), definition.name).toBe(columnsNow[definition.name]);
    }
  });

  it('show each amount in the base currency as a read-only column the server stores and fills', () => {
    const stored = tableDefinitions.flatMap((definition) => storedComputedColumns(definition).map((column) => `${definition.name}.${column.name}→${column.dbColumn}`));
    expect(stored).toEqual(['bookings.total_fee_vnd→total_fee_vnd', 'conversions.revenue_vnd→revenue_vnd', 'payments.amount_vnd→amount_vnd']);
  });

  it('accept exactly the values of the Prisma enums, so a sheet dropdown never offers a value the database refuses', () => {
    const generated = prismaEnums as unknown as Record<string, Record<string, string>>;
    for (const [name, prismaName] of Object.entries(prismaEnumNames)) {
      expect([...enumValues[name as EnumName]], name).toEqual(Object.values(generated[prismaName] ?? {}));
    }
  });

  it('list tables in dependency order: every reference points at an earlier table', () => {
    const seen = new Set<string>();
    for (const definition of tableDefinitions) {
      for (const reference of definition.references) {
        if (reference.table !== 'users') expect(seen.has(reference.table), `${definition.name} → ${reference.table}`).toBe(true);
      }
      seen.add(definition.name);
    }
  });

  it('give every enum column its enum and every natural-key column a definition', () => {
    for (const definition of tableDefinitions) {
      const names = new Set(definition.columns.map((column) => column.name));
      for (const column of definition.columns) if (column.type === 'enum') expect(column.enumName, `${definition.name}.${column.name}`).toBeDefined();
      for (const naturalKey of definition.naturalKeys) for (const column of naturalKey.columns) expect(names.has(column), `${definition.name}.${column}`).toBe(true);
    }
  });

  it('declare the read-only campaign columns the Campaigns module computes', () => {
    const campaigns = tableDefinitions.find((definition) => definition.name === 'campaigns');
    expect(campaigns?.computedColumns.map((column) => column.name)).toEqual(
      expect.arrayContaining(['health_flags', 'creators_count', 'products_count', 'budget_committed', 'budget_actual', 'progress_percent', 'roas', 'row_version', 'updated_at']),
    );
  });
});
