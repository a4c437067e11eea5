/**
 * The campaigns table's rules and those of its assignments (campaign_creators,
 * campaign_products), as the write door runs them on every change from every door: the sheet
 * push, the CLI import, the upload and the REST actions. Before the write they see each row's
 * state before and after; once the transaction's changes are all written, the state rules see
 * the final picture (a campaign and its creators may arrive in the same push).
 */
import {
  describeTransitionNotAllowed,
  findTransition,
  isTerminalStatus,
  validateCampaignForStatus,
  type CampaignStatus,
  type CampaignTransitionAction,
} from '../../contract/campaigns/campaign-lifecycle.js';
import { statusWord } from '../../contract/campaigns/sentence-words.js';
import { t } from '../../contract/i18n/translate.js';
import type { TableName } from '../../contract/index.js';
import type { ChangedRow } from '../../write/change-set.js';
import type { AuditShape, DeferredCheck, DeferredFinding, RowRule, RuleContext, RuleFindings } from '../../write/table-rules.js';
import type { Actor } from '../access/actor.js';
import { campaignFieldAction, decideCreatorAssignment, describeRefusal, isAllowed, transitionPermission, type CampaignAction, type CreatorStatus } from '../access/permissions.js';
import { countLinkedData } from './campaigns.repository.js';
import { listLinkedDataProblems } from './campaign-linked-data.js';

/** What stays editable once a campaign is finished or canceled (000 §3: insights and notes). */
const INSIGHT_FIELDS = new Set(['description']);

/** A new campaign saved straight into a status needs the right of the move that leads there. */
const ACTION_INTO_STATUS: Partial<Record<CampaignStatus, CampaignTransitionAction>> = {
  planned: 'plan',
  running: 'start',
  paused: 'pause',
  finished: 'finish',
  canceled: 'cancel',
};

function refuseUnlessAllowed(actor: Actor, findings: RuleFindings, row: ChangedRow, action: CampaignAction, column: string): boolean {
  if (isAllowed(actor, action)) return true;
  findings.refuse(row, {
    code: 'PERMISSION_DENIED',
    kind: 'forbidden',
    column,
    value: row.after.values[column] ?? null,
    message: describeRefusal(actor, action),
  });
  return false;
}

/** Who may create, change, delete which campaign fields, and which status moves exist. */
export const checkCampaignRows: RowRule = async ({ db, actor }, rows, findings) => {
  const deletions: ChangedRow[] = [];
  for (const row of rows) {
    if (row.isDeletion) {
      // A deleted row has no cells left in the sheet: the refusal is about the row.
      if (refuseUnlessAllowed(actor, findings, row, 'campaign.delete', '_row')) deletions.push(row);
      continue;
    }
    const toStatus = (row.after.values.status ?? 'draft') as CampaignStatus;
    if (row.isNew || !row.before) {
      if (!refuseUnlessAllowed(actor, findings, row, 'campaign.create', 'code')) continue;
      const action = ACTION_INTO_STATUS[toStatus];
      if (action) refuseUnlessAllowed(actor, findings, row, transitionPermission(action), 'status');
      continue;
    }
    const fromStatus = (row.before.values.status ?? 'draft') as CampaignStatus;
    if (row.before.isDeleted && !row.after.isDeleted && !refuseUnlessAllowed(actor, findings, row, 'campaign.edit', 'code')) continue;
    if (isTerminalStatus(fromStatus)) {
      for (const field of row.changed.filter((name) => !INSIGHT_FIELDS.has(name) && name !== 'deleted')) {
        findings.refuse(row, {
          code: 'CAMPAIGN_TERMINAL',
          column: field,
          value: row.after.values[field] ?? null,
          message: t('rules.terminalFieldLocked', { code: row.before.values.code, status: statusWord(fromStatus) }),
        });
      }
      if (row.changed.some((name) => INSIGHT_FIELDS.has(name))) refuseUnlessAllowed(actor, findings, row, 'campaign.insights.edit', 'description');
      continue;
    }
    if (row.changed.includes('status')) {
      const transition = findTransition(fromStatus, toStatus);
      if (!transition) {
        const violation = describeTransitionNotAllowed(fromStatus, toStatus);
        findings.refuse(row, { code: violation.code, column: 'status', value: toStatus, message: violation.message });
      } else refuseUnlessAllowed(actor, findings, row, transitionPermission(transition.action), 'status');
    }
    // Each field asks for its own right (budget: admin; KPIs: planners); one refusal per right.
    const fieldByAction = new Map<CampaignAction, string>();
    for (const field of row.changed) {
      if (field === 'status' || field === 'deleted') continue;
      const action = campaignFieldAction(field) ?? 'campaign.edit';
      if (!fieldByAction.has(action)) fieldByAction.set(action, field);
    }
    for (const [action, field] of fieldByAction) refuseUnlessAllowed(actor, findings, row, action, field);
  }
  await refuseTakenCodes(db, rows.filter((row) => !row.isDeletion && !findings.isRefused(row) && (row.isNew || row.changed.includes('code'))), findings);
  // Soft delete only, and never under bookings, videos, payments or tracking codes (000 §8).
  if (deletions.length === 0) return;
  const linked = await countLinkedData(db, deletions.map((row) => row.id));
  for (const row of deletions) {
    const problems = listLinkedDataProblems(linked.get(row.id) ?? { bookings: 0, videos: 0, payments: 0, trackingAssets: 0 });
    if (problems.length === 0) continue;
    findings.refuse(row, {
      code: (linked.get(row.id)?.bookings ?? 0) > 0 ? 'HAS_BOOKINGS' : 'HAS_LINKED_DATA',
      kind: 'conflict',
      column: '_row',
      value: row.before?.values.code ?? null,
      message: t('rules.linkedData', { problems: problems.map((problem) => problem.message).join(' ') }),
    });
  }
};

/** Codes are unique whatever their case (TET-2026 and tet-2026 are one campaign to a person), deleted campaigns included. */
async function refuseTakenCodes(db: RuleContext['db'], rows: readonly ChangedRow[], findings: RuleFindings): Promise<void> {
  const codes = rows.map((row) => row.after.values.code).filter((code): code is string => !!code);
  if (codes.length === 0) return;
  const taken = await db.$queryRawUnsafe<Array<{ id: string; code: string; is_deleted: boolean }>>(
    'SELECT id::text AS id, code, deleted_at IS NOT NULL AS is_deleted FROM campaigns WHERE lower(code) = ANY($1::text[])',
    codes.map((code) => code.toLowerCase()),
  );
  for (const row of rows) {
    const other = taken.find((candidate) => candidate.id !== row.id && candidate.code.toLowerCase() === row.after.values.code?.toLowerCase());
    if (!other) continue;
    findings.refuse(row, {
      code: 'CODE_TAKEN',
      kind: 'conflict',
      column: 'code',
      value: row.after.values.code,
      message: t(other.is_deleted ? 'rules.codeTakenByDeleted' : 'rules.codeTaken', { code: row.after.values.code, other: other.code }),
    });
  }
}

type MappingTable = 'campaign_creators' | 'campaign_products';

type CampaignFacts = { id: string; code: string; status: CampaignStatus };

async function findCampaignStatuses(db: RuleContext['db'], ids: readonly string[]): Promise<Map<string, CampaignFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<CampaignFacts[]>('SELECT id::text AS id, code, status::text AS status FROM campaigns WHERE id = ANY($1::uuid[])', [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row]));
}

async function findCreatorStatuses(db: RuleContext['db'], ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; creator_key: string; name: string; status: CreatorStatus }>();
  const rows = await db.$queryRawUnsafe<Array<{ id: string; creator_key: string; name: string; status: CreatorStatus }>>(
    'SELECT id::text AS id, creator_key, name, status::text AS status FROM creators WHERE id = ANY($1::uuid[])',
    [...new Set(ids)],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Assignments: the assign right; on a finished or canceled campaign only notes change; a
 * blacklisted creator only by an admin (000 §4.3, §8), whichever door, duplicate included.
 */
export function checkAssignmentRows(table: MappingTable): RowRule {
  const action: CampaignAction = table === 'campaign_creators' ? 'campaign.creators.assign' : 'campaign.products.assign';
  const keyColumn = table === 'campaign_creators' ? 'creator_key' : 'product_code';
  return async ({ db, actor }, rows, findings) => {
    const allowed = rows.filter((row) => refuseUnlessAllowed(actor, findings, row, action, keyColumn));
    const campaignIds = allowed.flatMap((row) => [row.before?.refs.campaign, row.after.refs.campaign]).filter((id): id is string => !!id);
    const campaigns = await findCampaignStatuses(db, campaignIds);
    for (const row of allowed) {
      const isStructural = row.isNew || row.changed.some((field) => field !== 'note');
      const locked = [row.before?.refs.campaign, row.after.refs.campaign].map((id) => (id ? campaigns.get(id) : undefined)).find((campaign) => campaign && isTerminalStatus(campaign.status));
      if (locked && isStructural) {
        findings.refuse(row, {
          code: 'CAMPAIGN_TERMINAL',
          column: keyColumn,
          value: row.after.values[keyColumn] ?? null,
          message: t('rules.terminalAssignmentsLocked', { code: locked.code, status: statusWord(locked.status) }),
        });
      }
    }
    if (table !== 'campaign_creators') return;
    const arriving = allowed.filter((row) => !row.isDeletion && !findings.isRefused(row) && (row.isNew || row.changed.includes('deleted') || row.changed.includes('creator_key')));
    const creators = await findCreatorStatuses(db, arriving.map((row) => row.after.refs.creator).filter((id): id is string => !!id));
    for (const row of arriving) {
      const creator = row.after.refs.creator ? creators.get(row.after.refs.creator) : undefined;
      if (!creator) continue;
      const decision = decideCreatorAssignment(actor, creator);
      if (!decision.isAllowed) {
        findings.refuse(row, { code: decision.reason, kind: 'forbidden', column: 'creator_key', value: creator.creator_key, message: decision.message });
      } else if (decision.warning) findings.warn(row, decision.warning);
    }
  };
}

/** Campaigns a change touched directly or through their assignments, with the assignment rows that did it. */
async function findTouchedCampaigns(context: RuleContext, touched: ReadonlyMap<TableName, readonly string[]>): Promise<Map<string, Array<{ table: TableName; id: string }>>> {
  const campaigns = new Map<string, Array<{ table: TableName; id: string }>>();
  for (const id of touched.get('campaigns') ?? []) campaigns.set(id, []);
  for (const table of ['campaign_creators', 'campaign_products'] as const) {
    const ids = touched.get(table) ?? [];
    if (ids.length === 0) continue;
    const rows = await context.db.$queryRawUnsafe<Array<{ id: string; campaign_id: string }>>(
      `SELECT id::text AS id, campaign_id::text AS campaign_id FROM ${table} WHERE id = ANY($1::uuid[])`,
      ids,
    );
    for (const row of rows) campaigns.set(row.campaign_id, [...(campaigns.get(row.campaign_id) ?? []), { table, id: row.id }]);
  }
  return campaigns;
}

/**
 * Every touched campaign must satisfy the rules of the status it is in now, whether or not the
 * status changed: dates for planned and running, creators (or products) to run, the postmortem
 * to be finished. One query for all of them.
 */
export const checkCampaignStates: DeferredCheck = {
  name: 'campaign states',
  triggers: ['campaigns', 'campaign_creators', 'campaign_products'],
  async run(context, touched) {
    const campaigns = await findTouchedCampaigns(context, touched);
    if (campaigns.size === 0) return [];
    const facts = await context.db.$queryRawUnsafe<Array<{ id: string; code: string; status: CampaignStatus; start_date: string | null; end_date: string | null; description: string | null; creators: number; products: number }>>(
      `SELECT c.id::text AS id, c.code, c.status::text AS status, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.description,
              (SELECT count(*)::int FROM campaign_creators cc WHERE cc.campaign_id = c.id AND cc.deleted_at IS NULL) AS creators,
              (SELECT count(*)::int FROM campaign_products cp WHERE cp.campaign_id = c.id AND cp.deleted_at IS NULL) AS products
       FROM campaigns c WHERE c.id = ANY($1::uuid[]) AND c.deleted_at IS NULL`,
      [...campaigns.keys()],
    );
    const findings: DeferredFinding[] = [];
    for (const fact of facts) {
      const violations = validateCampaignForStatus(
        { startDate: fact.start_date, endDate: fact.end_date, description: fact.description, creatorsCount: fact.creators, productsCount: fact.products },
        fact.status,
        context.config,
      );
      for (const violation of violations) {
        // "creators" and "postmortem" are no sheet columns: the note sits on the status that asks for them.
        const column = violation.field && ['start_date', 'end_date', 'description'].includes(violation.field) ? violation.field : 'status';
        findings.push({
          subject: { table: 'campaigns', id: fact.id },
          causes: campaigns.get(fact.id),
          problem: { code: violation.code, column, value: fact.status, message: t('rules.stateViolation', { code: fact.code, status: statusWord(fact.status), reason: violation.message }) },
        });
      }
    }
    return findings;
  },
};

/** A campaign's products and bookings are its brand's (001: products and bookings carry brand_code). */
export const checkCampaignBrands: DeferredCheck = {
  name: 'campaign brands',
  triggers: ['campaigns', 'campaign_products', 'bookings'],
  async run({ db }, touched) {
    const campaignIds = touched.get('campaigns') ?? [];
    const productIds = touched.get('campaign_products') ?? [];
    const bookingIds = touched.get('bookings') ?? [];
    const rows = await db.$queryRawUnsafe<Array<{ table: 'campaign_products' | 'bookings'; id: string; campaign_id: string; campaign: string; campaign_brand: string; other_brand: string; label: string }>>(
      `SELECT 'campaign_products' AS "table", cp.id::text AS id, c.id::text AS campaign_id, c.code AS campaign, cb.code AS campaign_brand, pb.code AS other_brand, pb.code || '/' || p.code AS label
         FROM campaign_products cp JOIN campaigns c ON c.id = cp.campaign_id JOIN products p ON p.id = cp.product_id
         JOIN brands cb ON cb.id = c.brand_id JOIN brands pb ON pb.id = p.brand_id
        WHERE cp.deleted_at IS NULL AND p.brand_id <> c.brand_id AND (cp.id = ANY($1::uuid[]) OR c.id = ANY($2::uuid[]))
       UNION ALL
       SELECT 'bookings', b.id::text, c.id::text, c.code, cb.code, bb.code, b.code
         FROM bookings b JOIN campaigns c ON c.id = b.campaign_id JOIN brands cb ON cb.id = c.brand_id JOIN brands bb ON bb.id = b.brand_id
        WHERE b.deleted_at IS NULL AND b.brand_id <> c.brand_id AND (b.id = ANY($3::uuid[]) OR c.id = ANY($2::uuid[]))`,
      productIds,
      campaignIds,
      bookingIds,
    );
    return rows.map((row) => ({
      subject: { table: row.table, id: row.id },
      causes: [{ table: 'campaigns' as const, id: row.campaign_id }],
      problem: {
        code: 'BRAND_MISMATCH',
        column: 'brand_code',
        value: row.other_brand,
        message:
          row.table === 'bookings'
            ? t('rules.bookingBrandMismatch', { booking: row.label, brand: row.other_brand, campaign: row.campaign, campaignBrand: row.campaign_brand })
            : t('rules.productBrandMismatch', { product: row.label, brand: row.other_brand, campaign: row.campaign, campaignBrand: row.campaign_brand }),
      },
    }));
  },
};

/** Assignments are audited under their campaign, so its history shows who was added or removed. */
export const campaignCreatorAuditShape: AuditShape = {
  subject: (row) => ({ entityType: 'campaign', entityId: row.after.refs.campaign ?? row.before?.refs.campaign ?? null }),
  label: (row) => `creator ${row.after.values.creator_key ?? row.before?.values.creator_key}`,
  keyColumns: new Set(['campaign_code', 'creator_key']),
};

export const campaignProductAuditShape: AuditShape = {
  subject: (row) => ({ entityType: 'campaign', entityId: row.after.refs.campaign ?? row.before?.refs.campaign ?? null }),
  label: (row) => `product ${row.after.values.brand_code ?? row.before?.values.brand_code}/${row.after.values.product_code ?? row.before?.values.product_code}`,
  keyColumns: new Set(['campaign_code', 'brand_code', 'product_code']),
};
