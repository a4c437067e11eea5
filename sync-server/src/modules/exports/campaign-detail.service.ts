import { writeFile } from 'node:fs/promises';
import { findTableDefinition, type ColumnType } from '../../contract/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { t } from '../../contract/i18n/translate.js';
import { exportCampaignList, type TableExport } from './table-export.service.js';
import { csvCell, formatCsv, type CsvCell } from './csv-writer.js';
import type { ExportLabel } from './export-sql.js';
import type { TextRow } from './export.repository.js';
import { toExportSheet } from './file-writers.js';
import { writeSheetsXlsx, type ExportSheet } from './xlsx-writer.js';

/** 000 section 4.7: a campaign with its products and its creators, as a planner reviews it. */
export type CampaignDetailSummary = {
  campaign: TextRow;
  campaignColumns: string[];
  /** The brand's and the owner's names, beside their keys in the workbook. */
  campaignLabels: readonly ExportLabel[];
  products: TextRow[];
  creators: TextRow[];
};

export const campaignDetailProductColumns = ['priority', 'brand_code', 'product_code', 'product_name', 'category', 'note'] as const;
export const campaignDetailCreatorColumns = ['role', 'creator_key', 'name', 'status', 'tiktok_handle', 'follower_count', 'note'] as const;

/** The columns of the products and creators blocks that hold numbers; the others are text. */
const DETAIL_COLUMN_TYPES: Readonly<Record<string, ColumnType>> = { priority: 'integer', follower_count: 'integer' };

export async function getCampaignDetailSummary(prisma: PrismaClient, campaignCode: string): Promise<CampaignDetailSummary> {
  // The list export filters by code through `search`; an exact match is picked here.
  const list = exportCampaignList(prisma, { search: campaignCode }, { withLabels: true });
  let campaign: TextRow | undefined;
  for await (const row of list.rows) {
    if (row.code === campaignCode) campaign = row;
  }
  if (!campaign) throw new AppError({ code: 'NOT_FOUND', userMessage: t('exports.noCampaign', { code: campaignCode }) });
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
  return { campaign, campaignColumns: list.columns, campaignLabels: list.labels, products, creators };
}

const campaignColumnTypes = new Map(findTableDefinition('campaigns')!.columns.map((column) => [column.name, column.type]));

function blockRecords(columns: readonly string[], rows: readonly TextRow[], typeOf: (column: string) => ColumnType | undefined): CsvCell[][] {
  return [[...columns], ...rows.map((row) => columns.map((column) => csvCell(row[column], typeOf(column))))];
}

/** The summary as one CSV a spreadsheet opens: three titled blocks separated by a blank line. */
export function formatCampaignDetailCsv(summary: CampaignDetailSummary): string {
  const detailType = (column: string) => DETAIL_COLUMN_TYPES[column];
  return formatCsv([
    ['Campaign'],
    ...blockRecords(summary.campaignColumns, [summary.campaign], (column) => campaignColumnTypes.get(column)),
    [],
    ['Products'],
    ...blockRecords(campaignDetailProductColumns, summary.products, detailType),
    [],
    ['Creators'],
    ...blockRecords(campaignDetailCreatorColumns, summary.creators, detailType),
  ]);
}

function detailSheet(name: string, columns: readonly string[], rows: readonly TextRow[]): ExportSheet {
  return { name, columns: columns.map((column) => ({ field: column, header: column, type: DETAIL_COLUMN_TYPES[column] ?? 'text' })), rows };
}

/** The summary as a workbook: the campaign, its products, its creators, one tab each. */
export async function writeCampaignDetailXlsx(summary: CampaignDetailSummary, path: string): Promise<void> {
  const campaign: TableExport = {
    table: 'campaigns',
    columns: summary.campaignColumns,
    labels: summary.campaignLabels,
    rows: (async function* () {
      yield summary.campaign;
    })(),
  };
  await writeSheetsXlsx(
    [toExportSheet(campaign, 'campaign'), detailSheet('products', campaignDetailProductColumns, summary.products), detailSheet('creators', campaignDetailCreatorColumns, summary.creators)],
    path,
  );
}

/** The summary as a CSV or XLSX file at `path`: what the CLI and the HTTP export write. Returns the rows written. */
export async function writeCampaignDetailFile(summary: CampaignDetailSummary, format: 'csv' | 'xlsx', path: string): Promise<number> {
  if (format === 'csv') await writeFile(path, formatCampaignDetailCsv(summary), 'utf8');
  else await writeCampaignDetailXlsx(summary, path);
  return summary.products.length + summary.creators.length;
}
