// npm run import -- --path DIR|FILE [--format auto|csv|xlsx] [--create-missing] [--dry-run] [--as USERNAME]
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { openDatabase } from '../sync-server/src/platform/database/open-database.js';
import { applyPendingMigrations } from '../sync-server/src/platform/database/schema-engine.js';
import { isAppError } from '../sync-server/src/platform/errors/app-error.js';
import { resolveCliActor } from '../sync-server/src/modules/access/cli-actor.js';
import { loadCampaignsConfig } from '../sync-server/src/modules/campaigns/campaigns.config.js';
import { importPath, type FileFormat, type ImportSourceFile } from '../sync-server/src/modules/imports/import-files.service.js';
import { formatProblem, formatResult } from '../sync-server/src/modules/imports/import-report.js';

const usage = 'Usage: npm run import -- --path DIR|FILE [--format auto|csv|xlsx] [--create-missing] [--dry-run] [--as USERNAME]\n  --as: whose rights the rows are checked against and whose name the audit log keeps (default: the first admin)';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        path: { type: 'string' },
        format: { type: 'string', default: 'auto' },
        'create-missing': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        as: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const format = args.format as FileFormat;
  if (!args.path || !['auto', 'csv', 'xlsx'].includes(format)) {
    console.error(usage);
    return 2;
  }

  const database = await openDatabase();
  const isTerminal = Boolean(process.stdout.isTTY);
  const bar = isTerminal ? new cliProgress.SingleBar({ format: '{file} [{bar}] {percentage}%', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  try {
    await applyPendingMigrations(database);
    const actor = await resolveCliActor(database.prisma, args.as, `npm run import (${userInfo().username})`);
    console.log(`Importing ${args.path} into ${database.description} as ${actor.label} (${actor.role})${args['dry-run'] ? ' (dry run: nothing will be written)' : ''}`);
    const startedAt = Date.now();
    const outcome = await importPath(
      database.prisma,
      args.path,
      { format, isDryRun: args['dry-run'], shouldCreateMissing: args['create-missing'], actor, config: loadCampaignsConfig(), bulkTransaction: database.bulkTransaction },
      {
        onSourceStart: (source: ImportSourceFile) => {
          if (bar) bar.start(Math.max(source.sizeBytes, 1), 0, { file: source.label });
          else console.log(`${source.label}: reading…`);
        },
        onBytesRead: (_source, bytes) => bar?.update(bytes),
        onSourceRead: () => bar?.stop(),
        onSourceDone: (_source, result) => {
          for (const line of formatResult(result)) console.log(line);
        },
      },
    );
    for (const problem of outcome.problems) console.log(formatProblem(problem));
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(outcome.isSuccess ? `Done in ${seconds} s.` : `Finished with problems in ${seconds} s: the files listed with errors wrote nothing.`);
    return outcome.isSuccess ? 0 : 1;
  } catch (error) {
    bar?.stop();
    console.error(isAppError(error) ? error.userMessage : `The import stopped: ${error instanceof Error ? error.message.split('\n').filter(Boolean).pop() : String(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
