/**
 * The campaign list (000 §6.1): search, filters, sort, keyset pagination; each row with its
 * counts, budget planned vs actual and health flags. Two queries per page, whatever its size:
 * the page, then the metrics and flags of the page's campaigns in one set-based query.
 */
import { z } from 'zod';
import type { CampaignFlag } from '../../contract/campaigns/campaign-health.js';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { assertCanSeeSpend, canSeeSpend, redactSpendFlags } from '../access/money-redaction.js';
import { visibleBrandIds } from '../access/campaign-scope.js';
import { assertAllowed } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { findCampaignListPage, type CampaignListSort } from './campaign-list.repository.js';
import { getCampaignsHealth, type MetricsOptions } from './campaign-metrics.service.js';
import { decodeCursor, encodeCursor, splitSearchWords } from './sql-builder.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const campaignListQuerySchema = z.object({
  search: z.string().max(200).optional(),
  brandIds: z.array(z.uuid()).optional(),
  channels: z.array(z.enum(['tiktok', 'multi'])).optional(),
  objectives: z.array(z.enum(['awareness', 'traffic', 'sale', 'launch', 'clearance'])).optional(),
  statuses: z.array(z.enum(['draft', 'planned', 'running', 'paused', 'finished', 'canceled'])).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  ownerIds: z.array(z.uuid()).optional(),
  hasCreators: z.boolean().optional(),
  hasProducts: z.boolean().optional(),
  sort: z.enum(['newest', 'start_date', 'budget_planned']).default('newest'),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type CampaignListQuery = z.input<typeof campaignListQuerySchema>;

export type CampaignListItem = {
  id: string;
  code: string;
  name: string;
  brand: { id: string; code: string; name: string };
  channel: string;
  objective: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  /** Null for roles that may not see budgets. */
  budgetPlanned: number | null;
  budgetActual: number | null;
  owner: { id: string; name: string | null } | null;
  creatorsCount: number;
  productsCount: number;
  progressPercent: number;
  flags: CampaignFlag[];
  createdAt: string;
};

export type CampaignListPage = { items: CampaignListItem[]; nextCursor: string | null };

export async function listCampaigns(db: Db, actor: Actor, query: CampaignListQuery, options: MetricsOptions = {}): Promise<CampaignListPage> {
  assertAllowed(actor, 'campaign.view');
  const parsed = campaignListQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      userMessage: t('campaign.listFiltersInvalid'),
      problems: parsed.error.issues.map((issue) => ({ column: issue.path.map(String).join('.'), message: issue.message })),
    });
  }
  const { sort, limit, cursor, search, ...filters } = parsed.data;
  // The order of the rows would rank the budgets the rows hide.
  if (sort === 'budget_planned') assertCanSeeSpend(actor);
  const decoded = decodeCursor(cursor);
  if (cursor && (!decoded || decoded.s !== sort || !decoded.k || !decoded.id)) {
    throw new AppError({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', userMessage: t('campaign.cursorOutOfDate') });
  }
  const after = decoded?.k && decoded.id ? { key: decoded.k, id: decoded.id } : undefined;
  // A client lists only their brands' campaigns; the brand filter they send narrows it further.
  const visible = visibleBrandIds(actor) ?? undefined;
  const rows = await findCampaignListPage(db, { ...filters, search: splitSearchWords(search), visibleBrandIds: visible }, sort as CampaignListSort, after, limit + 1);
  const page = rows.slice(0, limit);
  const health = new Map((await getCampaignsHealth(db, page.map((row) => row.id), options)).map((item) => [item.campaignId, item]));
  const canSeeBudget = canSeeSpend(actor);
  const items = page.map((row): CampaignListItem => {
    const item = health.get(row.id);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      brand: { id: row.brand_id, code: row.brand_code, name: row.brand_name },
      channel: row.channel,
      objective: row.objective,
      status: row.status,
      startDate: row.start_date,
      endDate: row.end_date,
      budgetPlanned: canSeeBudget ? row.budget_planned : null,
      budgetActual: canSeeBudget ? row.budget_actual : null,
      owner: row.owner_id ? { id: row.owner_id, name: row.owner_name } : null,
      creatorsCount: item?.metrics.creatorsCount ?? 0,
      productsCount: item?.metrics.productsCount ?? 0,
      progressPercent: item?.metrics.progressPercent ?? 0,
      flags: redactSpendFlags(actor, item?.flags ?? []),
      createdAt: row.created_at,
    };
  });
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ s: sort, k: last.sort_key, id: last.id }) : null;
  return { items, nextCursor };
}
