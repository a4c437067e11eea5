/**
 * The pickers of the campaign detail screen (000 §6.4, §6.5). They exist to assign, so they
 * need the assign permission; the result marks who is already in the campaign and the
 * watchlist/blacklist status the cards show as a badge.
 */
import { z } from 'zod';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../access/actor.js';
import { assertAllowed, decideCreatorAssignment } from '../access/permissions.js';
import type { Db } from '../audit/audit.types.js';
import { averageViewsOf, onTimeRateOf } from '../creators/creator-scorecard.service.js';
import { findCreatorPickerPage, findProductPickerPage } from './campaign-pickers.repository.js';
import { decodeCursor, encodeCursor, splitSearchWords } from './sql-builder.js';

const count = z.number().int().nonnegative();

export const creatorPickerQuerySchema = z.object({
  campaignId: z.uuid().optional(),
  search: z.string().max(200).optional(),
  statuses: z.array(z.enum(['active', 'watchlist', 'blacklist'])).optional(),
  tags: z.array(z.string().min(1).max(100)).optional(),
  followersMin: count.optional(),
  followersMax: count.optional(),
  avgViewsMin: count.optional(),
  avgViewsMax: count.optional(),
  location: z.string().max(200).optional(),
  niche: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type CreatorPickerQuery = z.input<typeof creatorPickerQuerySchema>;

export type CreatorPickerItem = {
  id: string;
  creatorKey: string;
  name: string;
  alias: string | null;
  status: 'active' | 'watchlist' | 'blacklist';
  location: string | null;
  niche: string | null;
  followers: number | null;
  avgViews: number | null;
  tags: string[];
  /** The largest channel as "platform:handle", e.g. "tiktok:@linhxinh". */
  mainChannel: string | null;
  isAssigned: boolean;
  /** Watchlist/blacklist badge text, and whether this actor may assign the creator at all. */
  warning: string | null;
  canAssign: boolean;
  /** The scorecard in short (issue 14, item 8), over every campaign. */
  scorecard: { bookings: number; onTimeRate: number | null; rejectionCount: number; avgViewsPerVideo: number | null };
};

export const productPickerQuerySchema = z.object({
  campaignId: z.uuid().optional(),
  search: z.string().max(200).optional(),
  brandIds: z.array(z.uuid()).optional(),
  categories: z.array(z.string().min(1).max(100)).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ProductPickerQuery = z.input<typeof productPickerQuerySchema>;

export type ProductPickerItem = { id: string; code: string; name: string; category: string | null; brand: { id: string; code: string }; isAssigned: boolean };

function invalid(issues: { path: PropertyKey[]; message: string }[]): AppError {
  return new AppError({ code: 'VALIDATION_FAILED', userMessage: t('campaign.pickerFiltersInvalid'), problems: issues.map((issue) => ({ column: issue.path.map(String).join('.'), message: issue.message })) });
}

function readCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  const decoded = decodeCursor(cursor);
  if (cursor && (!decoded?.n || !decoded.id)) throw new AppError({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', userMessage: t('campaign.cursorOutOfDate') });
  return decoded?.n !== undefined && decoded.id ? { name: decoded.n, id: decoded.id } : undefined;
}

export async function pickCreators(db: Db, actor: Actor, query: CreatorPickerQuery): Promise<{ items: CreatorPickerItem[]; nextCursor: string | null }> {
  assertAllowed(actor, 'campaign.creators.assign');
  const parsed = creatorPickerQuerySchema.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { limit, cursor, search, ...filters } = parsed.data;
  const rows = await findCreatorPickerPage(db, { ...filters, search: splitSearchWords(search) }, readCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  const items = page.map((row): CreatorPickerItem => {
    const decision = decideCreatorAssignment(actor, row);
    return {
      id: row.id,
      creatorKey: row.creator_key,
      name: row.name,
      alias: row.alias,
      status: row.status,
      location: row.location,
      niche: row.niche,
      followers: row.followers,
      avgViews: row.avg_views,
      tags: row.tags ?? [],
      mainChannel: row.main_channel,
      isAssigned: row.is_assigned,
      warning: decision.isAllowed ? (decision.warning ?? null) : decision.message,
      canAssign: decision.isAllowed && !row.is_assigned,
      scorecard: {
        bookings: row.bookings,
        onTimeRate: onTimeRateOf(row.deliverables_on_time, row.deliverables_measured),
        rejectionCount: row.rejection_count,
        avgViewsPerVideo: averageViewsOf(row.avg_views_per_video),
      },
    };
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ n: last.name, id: last.id }) : null };
}

export async function pickProducts(db: Db, actor: Actor, query: ProductPickerQuery): Promise<{ items: ProductPickerItem[]; nextCursor: string | null }> {
  assertAllowed(actor, 'campaign.products.assign');
  const parsed = productPickerQuerySchema.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { limit, cursor, search, ...filters } = parsed.data;
  const rows = await findProductPickerPage(db, { ...filters, search: splitSearchWords(search) }, readCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ id: row.id, code: row.code, name: row.name, category: row.category, brand: { id: row.brand_id, code: row.brand_code }, isAssigned: row.is_assigned })),
    nextCursor: rows.length > limit && last ? encodeCursor({ n: last.name, id: last.id }) : null,
  };
}
