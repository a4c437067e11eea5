/**
 * Which rules the door runs for which table. The rules live in their modules; this is the one
 * list a reviewer reads to see what guards a table, at every door alike.
 */
import { getTableDefinition, tableNames, type TableName } from '../contract/index.js';
import { checkContactEdits } from '../modules/access/contact-masking.js';
import { checkBookingChildren } from '../modules/bookings/booking-consistency.rules.js';
import { assignBookedCreators, postLinkedDeliverables, recordBookingStatusHistory } from '../modules/bookings/execution.effects.js';
import { checkBookingCommitments, checkBookingRows, checkDeliverableRows, checkPaymentRows } from '../modules/bookings/execution.rules.js';
import { proposeBookingFees } from '../modules/bookings/fee-proposal.rules.js';
import { READ_OUT_SOURCES, refreshReadOutsOf } from '../modules/sync/read-out-refresh.effects.js';
import {
  campaignCreatorAuditShape,
  campaignProductAuditShape,
  checkAssignmentRows,
  checkCampaignBrands,
  checkCampaignRows,
  checkCampaignStates,
} from '../modules/campaigns/campaign.rules.js';
import { checkExchangeRateRows, convertAmounts } from '../modules/currencies/currency.rules.js';
import { checkColumnValues, checkTableRights } from './generic-rules.js';
import type { AuditShape, DeferredCheck, RowRule, TouchedIds, WriteEffect } from './table-rules.js';

const TABLE_RULES: Partial<Record<TableName, readonly RowRule[]>> = {
  creator_contacts: [checkContactEdits(getTableDefinition('creator_contacts'))],
  campaigns: [checkCampaignRows],
  campaign_creators: [checkAssignmentRows('campaign_creators')],
  campaign_products: [checkAssignmentRows('campaign_products')],
  // Issue 13: every amount gets its base-currency value here, at every door (modules/currencies).
  exchange_rates: [checkExchangeRateRows],
  // Issue 14: the execution loop's workflows (modules/bookings/execution.rules.ts). Payments are
  // converted first: the paid-over-fee check adds base amounts.
  bookings: [convertAmounts('bookings'), checkBookingRows, proposeBookingFees],
  booking_deliverables: [checkDeliverableRows],
  conversions: [convertAmounts('conversions')],
  payments: [convertAmounts('payments'), checkPaymentRows],
};

/** Every table: who may write it, then its cells (required, bounds, date order), then its own rules. */
const RULES_BY_TABLE = new Map<TableName, readonly RowRule[]>(
  tableNames.map((table) => [table, [checkTableRights(table), checkColumnValues(table), ...(TABLE_RULES[table] ?? [])]]),
);

const DEFERRED_CHECKS: readonly DeferredCheck[] = [checkCampaignStates, checkCampaignBrands, checkBookingChildren, checkBookingCommitments];

/** What a written batch implies, written in the same transaction (modules/bookings/execution.effects.ts). */
const TABLE_EFFECTS: Partial<Record<TableName, readonly WriteEffect[]>> = {
  bookings: [recordBookingStatusHistory, assignBookedCreators],
  videos: [postLinkedDeliverables],
};

/** Last for every table whose rows feed another's read-outs: the rows they change are re-pulled. */
const EFFECTS_BY_TABLE = new Map<TableName, readonly WriteEffect[]>(
  tableNames.map((table) => [table, [...(TABLE_EFFECTS[table] ?? []), ...(READ_OUT_SOURCES.includes(table) ? [refreshReadOutsOf(table)] : [])]]),
);

export function effectsFor(table: TableName): readonly WriteEffect[] {
  return EFFECTS_BY_TABLE.get(table) ?? [];
}

const AUDIT_SHAPES: Partial<Record<TableName, AuditShape>> = {
  campaign_creators: campaignCreatorAuditShape,
  campaign_products: campaignProductAuditShape,
};

/**
 * Tables whose rows raise domain events (002 §9.3 and issue 15: campaigns, their assignments,
 * bookings and what hangs on them, payments, performance). Reference data (brands, products,
 * creators and their channels and contacts, tracking codes) is audited but raises none: nobody
 * subscribes to it, and a 100,000-creator import would otherwise write 100,000 events.
 */
const EVENT_TABLES: ReadonlySet<TableName> = new Set<TableName>(['campaigns', 'campaign_creators', 'campaign_products', 'bookings', 'booking_deliverables', 'videos', 'video_snapshots', 'conversions', 'payments']);

export function raisesEvents(table: TableName): boolean {
  return EVENT_TABLES.has(table);
}

export function rowRulesFor(table: TableName): readonly RowRule[] {
  return RULES_BY_TABLE.get(table) ?? [];
}

/** Whether a table's written rows can matter to a check of the final picture (else the door needn't remember them). */
export function isWatchedByDeferredChecks(table: TableName): boolean {
  return DEFERRED_CHECKS.some((check) => check.triggers.includes(table));
}

export function deferredChecksFor(touched: TouchedIds): readonly DeferredCheck[] {
  return DEFERRED_CHECKS.filter((check) => check.triggers.some((table) => (touched.get(table)?.length ?? 0) > 0));
}

export function auditShapeFor(table: TableName): AuditShape | undefined {
  return AUDIT_SHAPES[table];
}
