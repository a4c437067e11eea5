/**
 * Which rules the door runs for which table. The rules live in their modules; this is the one
 * list a reviewer reads to see what guards a table, at every door alike.
 */
import { tableNames, type TableName } from '../contract/index.js';
import { checkBookingChildren } from '../modules/bookings/booking-consistency.rules.js';
import {
  campaignCreatorAuditShape,
  campaignProductAuditShape,
  checkAssignmentRows,
  checkCampaignBrands,
  checkCampaignRows,
  checkCampaignStates,
} from '../modules/campaigns/campaign.rules.js';
import { checkColumnValues, checkTableRights } from './generic-rules.js';
import type { AuditShape, DeferredCheck, RowRule, TouchedIds } from './table-rules.js';

const TABLE_RULES: Partial<Record<TableName, readonly RowRule[]>> = {
  campaigns: [checkCampaignRows],
  campaign_creators: [checkAssignmentRows('campaign_creators')],
  campaign_products: [checkAssignmentRows('campaign_products')],
};

/** Every table: who may write it, then its cells (required, bounds, date order), then its own rules. */
const RULES_BY_TABLE = new Map<TableName, readonly RowRule[]>(
  tableNames.map((table) => [table, [checkTableRights(table), checkColumnValues(table), ...(TABLE_RULES[table] ?? [])]]),
);

const DEFERRED_CHECKS: readonly DeferredCheck[] = [checkCampaignStates, checkCampaignBrands, checkBookingChildren];

const AUDIT_SHAPES: Partial<Record<TableName, AuditShape>> = {
  campaign_creators: campaignCreatorAuditShape,
  campaign_products: campaignProductAuditShape,
};

export function rowRulesFor(table: TableName): readonly RowRule[] {
  return RULES_BY_TABLE.get(table) ?? [];
}

export function deferredChecksFor(touched: TouchedIds): readonly DeferredCheck[] {
  return DEFERRED_CHECKS.filter((check) => check.triggers.some((table) => (touched.get(table)?.length ?? 0) > 0));
}

export function auditShapeFor(table: TableName): AuditShape | undefined {
  return AUDIT_SHAPES[table];
}
