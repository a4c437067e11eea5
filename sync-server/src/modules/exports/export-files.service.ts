/**
 * Exports as files for the HTTP API: the same engine and template format as `npm run export`,
 * written to a temporary file so that a failure answers with an error, not half a download.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTableDefinition, tableDefinitions, type TableDefinition } from '../../contract/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { t } from '../../contract/i18n/translate.js';
import type { Actor } from '../access/actor.js';
import { visibleRowsSql } from '../access/campaign-scope.js';
import { hasContactColumns, loadContactMasking, maskContactCells } from '../access/contact-masking.js';
import { canSeeSpend, redactSpendCells } from '../access/money-redaction.js';
import { assertAllowed } from '../access/permissions.js';
import { resolveCampaign, resolveCampaignFilters } from '../campaigns/campaign-api.service.js';
import { listCampaignsForExport, type MetricsOptions } from '../campaigns/index.js';
import type { CampaignFiltersQuery } from '../campaigns/campaigns.http-schemas.js';
import { getCampaignDetailSummary, writeCampaignDetailFile, type CampaignDetailSummary } from './campaign-detail.service.js';
import type { TextRow } from './export.repository.js';
import { writeTableCsv, writeTablesXlsx } from './file-writers.js';
import { exportCampaignList, exportTable, type TableExport } from './table-export.service.js';

export type ExportFormat = 'csv' | 'xlsx';

/** A finished export on disk; `dispose` removes it once it is sent. */
export type ExportFile = { path: string; fileName: string; contentType: string; rows: number; dispose: () => Promise<void> };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function writeExportFile(baseName: string, format: ExportFormat, write: (path: string) => Promise<number>): Promise<ExportFile> {
  const directory = await mkdtemp(join(tmpdir(), 'booking-center-export-'));
  const dispose = () => rm(directory, { recursive: true, force: true });
  const fileName = `${baseName}.${format}`;
  const path = join(directory, fileName);
  try {
    const rows = await write(path);
    return { path, fileName, contentType: CONTENT_TYPES[format], rows, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function writeTable(exported: TableExport, format: ExportFormat, path: string): Promise<number> {
  return format === 'csv' ? writeTableCsv(exported, path) : writeTablesXlsx([exported], path).then((counts) => counts[exported.table] ?? 0);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The export as this actor may read it: the money rule (a client exports their campaigns without
 * money unless their tenant allows it) and the contact masking rule, the same as every read.
 */
async function redactExport(prisma: PrismaClient, actor: Actor, exported: TableExport): Promise<TableExport> {
  const definition = findTableDefinition(exported.table)!;
  const isMasked = hasContactColumns(definition) ? await loadContactMasking(prisma, actor) : false;
  if (canSeeSpend(actor) && !isMasked) return exported;
  return { ...exported, rows: redactRows(actor, isMasked, definition, exported.rows) };
}

async function* redactRows(actor: Actor, isMasked: boolean, definition: TableDefinition, rows: AsyncIterable<TextRow>): AsyncGenerator<TextRow> {
  for await (const row of rows) yield maskContactCells(isMasked, definition, redactSpendCells(actor, definition, row));
}

/** Only the rows this reader may see (a client: their campaigns'), for the export engine. */
function visibleTo(actor: Actor, definition: TableDefinition) {
  return (addParameter: (value: unknown) => string) => visibleRowsSql(actor, definition, addParameter);
}

/** Yields the rows in the order of `codes` (the list's sort), whatever order the export query read them in. */
async function* inOrder(rows: AsyncIterable<TextRow>, codes: readonly string[]): AsyncGenerator<TextRow> {
  const byCode = new Map<string, TextRow>();
  for await (const row of rows) if (row.code) byCode.set(row.code, row);
  for (const code of codes) {
    const row = byCode.get(code);
    if (row) yield row;
  }
}

/** The campaign list with the list's own filters and sort (000 §4.7), in the campaigns template format. */
export async function exportCampaignListFile(prisma: PrismaClient, actor: Actor, query: CampaignFiltersQuery, format: ExportFormat, options: MetricsOptions = {}): Promise<ExportFile> {
  assertAllowed(actor, 'campaign.export');
  const filters = await resolveCampaignFilters(prisma, query);
  const items = filters ? await listCampaignsForExport(prisma, actor, filters, options) : [];
  const exported = exportCampaignList(prisma, { ids: items.map((item) => item.id) }, { withLabels: format === 'xlsx', visibleRows: visibleTo(actor, findTableDefinition('campaigns')!) });
  const ordered: TableExport = { ...exported, rows: inOrder(exported.rows, items.map((item) => item.code)) };
  const redacted = await redactExport(prisma, actor, ordered);
  return writeExportFile(`campaigns-${today()}`, format, (path) => writeTable(redacted, format, path));
}

/** One template table, every live row. */
export async function exportTableFile(prisma: PrismaClient, actor: Actor, table: string, format: ExportFormat): Promise<ExportFile> {
  assertAllowed(actor, 'campaign.export');
  const definition = findTableDefinition(table);
  if (!definition) {
    throw new AppError({ code: 'NOT_FOUND', reason: 'UNKNOWN_TABLE', userMessage: t('exports.noTable', { table, tables: tableDefinitions.map((candidate) => candidate.name).join(', ') }) });
  }
  const exported = await redactExport(prisma, actor, exportTable(prisma, definition.name, { withLabels: format === 'xlsx', visibleRows: visibleTo(actor, definition) }));
  return writeExportFile(`${definition.name}-${today()}`, format, (path) => writeTable(exported, format, path));
}

/** The campaign detail summary (000 §4.7): the campaign, its products, its creators. */
export async function exportCampaignDetailFile(prisma: PrismaClient, actor: Actor, code: string, format: ExportFormat): Promise<ExportFile> {
  assertAllowed(actor, 'campaign.export');
  const campaign = await resolveCampaign(prisma, code, actor);
  const found = await getCampaignDetailSummary(prisma, campaign.code);
  const summary: CampaignDetailSummary = { ...found, campaign: redactSpendCells(actor, findTableDefinition('campaigns')!, found.campaign) };
  return writeExportFile(`campaign-${campaign.code}-${today()}`, format, (path) => writeCampaignDetailFile(summary, format, path));
}
