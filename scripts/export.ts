// npm run export -- (--table T | --all | --campaigns [filters] | --campaign-detail CODE) --format csv|xlsx --out PATH [--tenant CODE] [--lang vi|en|am]
import { mkdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { tableDefinitions, type CampaignListFilter } from '../sync-server/src/contract/index.js';
import { openCommandDatabase, serverEndpoint } from './lib/open-command-database.js';
import { t } from '../sync-server/src/contract/i18n/translate.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { actInTenant } from '../sync-server/src/modules/tenants/tenants.service.js';
import { exportCampaignList, exportTable, type TableExport } from '../sync-server/src/modules/exports/table-export.service.js';
import { writeTableCsv, writeTablesXlsx } from '../sync-server/src/modules/exports/file-writers.js';
import { getCampaignDetailSummary, writeCampaignDetailFile } from '../sync-server/src/modules/exports/campaign-detail.service.js';

const usage = [
  t('cli.usage'),
  '  npm run export -- --table creators --format csv|xlsx --out PATH',
  `  npm run export -- --all --format csv --out DIR          ${t('cli.export.oneCsvPerTable')}`,
  `  npm run export -- --all --format xlsx --out FILE.xlsx   ${t('cli.export.oneTabPerTable')}`,
  '  npm run export -- --campaigns [--status planned,running] [--brand LUMI] [--objective sale] [--from 2026-01-01] [--to 2026-03-31] [--search tết] --format csv|xlsx --out PATH',
  `  npm run export -- --campaign-detail CODE --format csv|xlsx --out PATH   ${t('cli.export.detailParts')}`,
  t('cli.export.formatByExtension'),
  t('cli.export.tenantHint'),
  t('cli.langHint'),
].join('\n');

const list = (value: string | undefined) => value?.split(',').map((part) => part.trim()).filter(Boolean);

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        table: { type: 'string' },
        all: { type: 'boolean', default: false },
        campaigns: { type: 'boolean', default: false },
        'campaign-detail': { type: 'string' },
        status: { type: 'string' },
        brand: { type: 'string' },
        objective: { type: 'string' },
        owner: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        search: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        tenant: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const modes = [args.table !== undefined, args.all, args.campaigns, args['campaign-detail'] !== undefined].filter(Boolean).length;
  if (args.help || modes !== 1 || !args.out || (args.format !== undefined && !['csv', 'xlsx'].includes(args.format))) {
    (args.help ? console.log : console.error)(usage);
    return args.help ? 0 : 2;
  }
  const out = args.out;
  const isXlsxPath = extname(out).toLowerCase() === '.xlsx';
  const format: 'csv' | 'xlsx' = args.format === 'csv' || args.format === 'xlsx' ? args.format : isXlsxPath ? 'xlsx' : 'csv';
  // A CSV written under .xlsx (or a workbook under .csv) is a file Excel refuses to open.
  if ((format === 'xlsx') !== isXlsxPath) {
    console.error(`${t('cli.export.formatMismatch', { format, out })}\n${usage}`);
    return 2;
  }
  const database = await openCommandDatabase((server) => t('cli.export.useServer', { endpoint: serverEndpoint(server.url, '/api/v1/exports/{table}') }));
  try {
    await actInTenant(database, args.tenant);
    const prisma = database.prisma;
    if (args['campaign-detail'] !== undefined) {
      await writeCampaignDetailFile(await getCampaignDetailSummary(prisma, args['campaign-detail']), format, out);
      console.log(t('cli.export.campaignDone', { code: args['campaign-detail'], out }));
      return 0;
    }
    // A workbook is read by people: it gets the names beside the keys; a CSV stays the template.
    const options = { withLabels: format === 'xlsx' };
    let exports: TableExport[];
    if (args.all) exports = tableDefinitions.map((definition) => exportTable(prisma, definition.name, options));
    else if (args.campaigns) {
      const filter: CampaignListFilter = {
        statuses: list(args.status),
        objectives: list(args.objective),
        brandCodes: list(args.brand),
        ownerUsername: args.owner,
        activeFrom: args.from,
        activeTo: args.to,
        search: args.search,
      };
      exports = [exportCampaignList(prisma, filter, options)];
    } else exports = [exportTable(prisma, args.table ?? '', options)];

    if (format === 'xlsx') {
      const counts = await writeTablesXlsx(exports, out);
      for (const [table, count] of Object.entries(counts)) console.log(t('cli.export.rows', { table, count, path: out }));
      return 0;
    }
    const toDirectory = exports.length > 1 || (await isDirectory(out));
    if (toDirectory) await mkdir(out, { recursive: true });
    for (const exported of exports) {
      const path = toDirectory ? join(out, `${exported.table}.csv`) : out;
      console.log(t('cli.export.rows', { table: exported.table, count: await writeTableCsv(exported, path), path }));
    }
    return 0;
  } catch (error) {
    console.error(isAppError(error) ? error.userMessage : t('cli.export.stopped', { message: error instanceof Error ? error.message.split('\n').filter(Boolean).pop() : String(error) }));
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
