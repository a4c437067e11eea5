import {
  findTableDefinition,
  formatDateTime,
  tableDefinitions,
  templateColumns,
  type CampaignListFilter,
  type TableDefinition,
  type TableName,
} from '../../contract/index.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { t } from '../../contract/i18n/translate.js';
import { buildExportSql, exportColumns, exportLabels, type ExportLabel } from './export-sql.js';
import { readExportPage, type TextRow } from './export.repository.js';

const PAGE_SIZE = 5000;

/** One table's rows in template format: header names and rows of text cells (null when empty). */
export type TableExport = {
  table: TableName;
  columns: string[];
  rows: AsyncIterable<TextRow>;
  /** Names beside keys (XLSX only; a CSV stays the template): each row holds them under `field`. */
  labels: readonly ExportLabel[];
};

export type ExportOptions = {
  /** Read the names beside the keys (brand name beside brand_code...), for a workbook a person reads. */
  withLabels?: boolean;
  /**
   * Only the rows a reader may see: extra SQL on the row aliased `t`, adding its own parameters
   * (access/campaign-scope.ts, a client's campaigns). Absent: every live row (the command line).
   */
  visibleRows?: (addParameter: (value: unknown) => string) => string | null;
};

/** The extra conditions and parameters of `visibleRows`, numbered after the paging ones ($1, $2) and those already in `params`. */
function addVisibleRows(options: ExportOptions, where: string[], params: unknown[]): void {
  const visible = options.visibleRows?.((value) => {
    params.push(value);
    return `$${params.length + 2}`;
  });
  if (visible) where.push(visible);
}

function definitionOf(table: string): TableDefinition {
  const definition = findTableDefinition(table);
  if (!definition) {
    const known = tableDefinitions.map((candidate) => candidate.name).join(', ');
    throw new AppError({ code: 'BAD_REQUEST', userMessage: t('exports.notAnExportTable', { table, tables: known }) });
  }
  return definition;
}

async function* readPages(prisma: PrismaClient, definition: TableDefinition, where: string[], params: unknown[], labels: readonly ExportLabel[]): AsyncGenerator<TextRow> {
  const sql = buildExportSql(definition, where, labels);
  const datetimeColumns = templateColumns(definition).filter((column) => column.type === 'datetime').map((column) => column.name);
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await readExportPage(prisma, sql, PAGE_SIZE, offset, params);
    for (const row of page) {
      // Instants are shown as the team reads them: Vietnam time, as the importer reads them back.
      for (const name of datetimeColumns) {
        const value = row[name];
        if (value) row[name] = formatDateTime(value);
      }
      yield row;
    }
    if (page.length < PAGE_SIZE) return;
  }
}

/** Every live row of a table, in template format and in a stable order (natural key first). */
export function exportTable(prisma: PrismaClient, table: TableName | string, options: ExportOptions = {}): TableExport {
  const definition = definitionOf(table);
  const labels = options.withLabels ? exportLabels(definition) : [];
  const where: string[] = [];
  const params: unknown[] = [];
  addVisibleRows(options, where, params);
  return { table: definition.name, columns: exportColumns(definition).map((column) => column.name), rows: readPages(prisma, definition, where, params, labels), labels };
}

/** The campaign list of 000 section 4.7, filtered, in the campaigns template format. */
export function exportCampaignList(prisma: PrismaClient, filter: CampaignListFilter = {}, options: ExportOptions = {}): TableExport {
  const definition = definitionOf('campaigns');
  const labels = options.withLabels ? exportLabels(definition) : [];
  const where: string[] = [];
  const params: unknown[] = [];
  // $1 and $2 are the page size and offset.
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length + 2}`;
  };
  if (filter.statuses?.length) where.push(`t.status::text = ANY(${next(filter.statuses)}::text[])`);
  if (filter.objectives?.length) where.push(`t.objective::text = ANY(${next(filter.objectives)}::text[])`);
  if (filter.brandCodes?.length) where.push(`t.brand_id IN (SELECT b.id FROM brands b WHERE b.code = ANY(${next(filter.brandCodes)}::text[]))`);
  if (filter.ownerUsername) where.push(`t.owner_id IN (SELECT u.id FROM users u WHERE u.username = ${next(filter.ownerUsername)})`);
  // A campaign is in a period when its dates overlap it.
  if (filter.activeFrom) where.push(`(t.end_date IS NULL OR t.end_date >= ${next(filter.activeFrom)}::date)`);
  if (filter.activeTo) where.push(`(t.start_date IS NULL OR t.start_date <= ${next(filter.activeTo)}::date)`);
  if (filter.ids) where.push(`t.id = ANY(${next(filter.ids)}::uuid[])`);
  if (filter.search?.trim()) {
    const pattern = next(`%${filter.search.trim()}%`);
    where.push(`(unaccent(t.name) ILIKE unaccent(${pattern}) OR t.code ILIKE ${pattern})`);
  }
  addVisibleRows(options, where, params);
  return { table: 'campaigns', columns: templateColumns(definition).map((column) => column.name), rows: readPages(prisma, definition, where, params, labels), labels };
}
