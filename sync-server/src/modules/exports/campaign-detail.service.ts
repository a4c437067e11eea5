import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { exportCampaignList } from './table-export.service.js';
import { csvLine } from './file-writers.js';
import type { TextRow } from './export.repository.js';

/** 000 section 4.7: a campaign with its products and its creators, as a planner reviews it. */
export type CampaignDetailSummary = {
  campaign: TextRow;
  campaignColumns: string[];
  products: TextRow[];
  creators: TextRow[];
};

export const campaignDetailProductColumns = ['priority', 'brand_code', 'product_code', 'product_name', 'category', 'note'] as const;
export const campaignDetailCreatorColumns = ['role', 'creator_key', 'name', 'status', 'tiktok_handle', 'follower_count', 'note'] as const;

export async function getCampaignDetailSummary(prisma: PrismaClient, campaignCode: string): Promise<CampaignDetailSummary> {
  const list = exportCampaignList(prisma, {});
  let campaign: TextRow | undefined;
  // The list export filters by code through `search`; an exact match is picked here.
  for await (const row of exportCampaignList(prisma, { search: campaignCode }).rows) {
    if (row.code === campaignCode) campaign = row;
  }
  if (!campaign) throw new AppError({ code: 'NOT_FOUND', userMessage: `campaign '${campaignCode}' does not exist` });
  const products = await prisma.$queryRawUnsafe<TextRow[]>(
    `SELECT cp.priority::text AS priority, b.code AS brand_code, p.code AS product_code, p.name AS product_name, p.category, cp.note
     FROM campaign_products cp JOIN campaigns c ON c.id = cp.campaign_id JOIN products p ON p.id = cp.product_id JOIN brands b ON b.id = p.brand_id
     WHERE c.code = $1 AND cp.deleted_at IS NULL ORDER BY cp.priority, p.code COLLATE "C"`,
    campaignCode,
  );
  const creators = await prisma.$queryRawUnsafe<TextRow[]>(
    `SELECT cc.role::text AS role, cr.creator_key, cr.name, cr.status::text AS status, ch.handle AS tiktok_handle, ch.follower_count::text AS follower_count, cc.note
     FROM campaign_creators cc JOIN campaigns c ON c.id = cc.campaign_id JOIN creators cr ON cr.id = cc.creator_id
     LEFT JOIN LATERAL (SELECT x.handle, x.follower_count FROM creator_channels x WHERE x.creator_id = cr.id AND x.platform = 'tiktok' AND x.deleted_at IS NULL ORDER BY x.follower_count DESC NULLS LAST LIMIT 1) ch ON true
     WHERE c.code = $1 AND cc.deleted_at IS NULL ORDER BY cc.role, cr.creator_key COLLATE "C"`,
    campaignCode,
  );
  return { campaign, campaignColumns: list.columns, products, creators };
}

/** The summary as one CSV a spreadsheet opens: three titled blocks separated by a blank line. */
export function formatCampaignDetailCsv(summary: CampaignDetailSummary): string {
  const lines = ['\uFEFFCampaign\n', csvLine(summary.campaignColumns), csvLine(summary.campaignColumns.map((column) => summary.campaign[column]))];
  lines.push('\nProducts\n', csvLine([...campaignDetailProductColumns]));
  for (const product of summary.products) lines.push(csvLine(campaignDetailProductColumns.map((column) => product[column])));
  lines.push('\nCreators\n', csvLine([...campaignDetailCreatorColumns]));
  for (const creator of summary.creators) lines.push(csvLine(campaignDetailCreatorColumns.map((column) => creator[column])));
  return lines.join('');
}
