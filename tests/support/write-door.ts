/**
 * Helpers for replaying one change at every door of the write door (tests/write-door): campaigns
 * in the state a case needs, template CSV files, and `npm run import` run as a child process on
 * a database of its own.
 */
import { DEFAULT_TENANT_ID } from '../../sync-server/src/platform/database/tenant-scope.js';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getTableDefinition, templateColumns, type TableName } from '../../sync-server/src/contract/index.js';
import type { PrismaClient } from '../../sync-server/src/generated/prisma/client.js';
import { seedSampleData } from '../../sync-server/src/modules/seed/seed.service.js';
import { openDatabase, type Database } from '../../sync-server/src/platform/database/open-database.js';
import { applyMigrations } from '../../sync-server/src/platform/database/schema-engine.js';
import { createTestDatabase, isUsingPostgresServer, type TestDatabase } from './test-database.js';

const execFileAsync = promisify(execFile);
const projectRoot = join(import.meta.dirname, '../..');
/** The project's own tsx, the one `npx tsx` resolves to (without npx's second of start-up). */
const tsx = join(projectRoot, 'node_modules/.bin/tsx');

// ── Campaigns in a chosen state ────────────────────────────────────────────────────────────────

export const COMPLETE_POSTMORTEM = '## Postmortem\n- What worked: hooks in the first 2 seconds\n- What didn\u2019t: late scripts\n- Next time: brief a week earlier';
/** A finished campaign's brief: a key message and a complete postmortem. */
export const POSTMORTEM_BRIEF = `## Key message\nDa khoẻ tự nhiên.\n\n${COMPLETE_POSTMORTEM}`;

export type CampaignSpec = {
  code: string;
  brandCode: 'COCOON' | 'HANOIFOOD';
  status: 'draft' | 'planned' | 'running' | 'paused' | 'finished' | 'canceled';
  name?: string;
  /** Default 2026-03-01 … 2026-03-31; null for none. */
  startDate?: string | null;
  endDate?: string | null;
  description?: string | null;
  /** Default 10,000,000 đồng. */
  budgetPlanned?: string | null;
  creators?: string[];
};

const nameOf = (spec: CampaignSpec) => spec.name ?? `Chiến dịch ${spec.code}`;
const startOf = (spec: CampaignSpec) => (spec.startDate === undefined ? '2026-03-01' : spec.startDate);
const endOf = (spec: CampaignSpec) => (spec.endDate === undefined ? '2026-03-31' : spec.endDate);
const budgetOf = (spec: CampaignSpec) => (spec.budgetPlanned === undefined ? '10000000' : spec.budgetPlanned);

/** The campaigns one door's cases start from: one set per door, so no case sees another door's changes. */
export function doorCampaigns(door: string) {
  const code = (suffix: string) => `WD-${door}-${suffix}`;
  return {
    /** A draft that would satisfy "running" (dates, a creator) but may not jump there. */
    draft: { code: code('DRAFT'), brandCode: 'COCOON', status: 'draft', creators: ['KOC-LINHBEAUTY'] },
    /** Drafts to assign the blacklisted creator to: one for a lead, one for an admin. */
    blacklistLead: { code: code('BL-LEAD'), brandCode: 'COCOON', status: 'draft' },
    blacklistAdmin: { code: code('BL-ADMIN'), brandCode: 'COCOON', status: 'draft' },
    /** Finished campaigns with their postmortem: one to edit, one to annotate. */
    finished: { code: code('FIN'), name: 'Đã kết thúc', brandCode: 'COCOON', status: 'finished', description: POSTMORTEM_BRIEF, creators: ['KOC-LINHBEAUTY'] },
    finishedNotes: { code: code('FIN-NOTES'), brandCode: 'COCOON', status: 'finished', description: POSTMORTEM_BRIEF, creators: ['KOC-LINHBEAUTY'] },
    planned: { code: code('PLAN'), brandCode: 'COCOON', status: 'planned', creators: ['KOC-LINHBEAUTY'] },
    /** A running campaign with exactly one creator. */
    running: { code: code('RUN'), brandCode: 'COCOON', status: 'running', creators: ['KOC-HOANGANHREVIEW'] },
    /** A planned campaign ready to start. */
    launch: { code: code('LAUNCH'), brandCode: 'COCOON', status: 'planned', creators: ['KOC-LINHBEAUTY'] },
    /** A draft that an admin once gave the blacklisted creator. */
    withBlacklisted: { code: code('DUP'), brandCode: 'COCOON', status: 'draft', creators: ['KOC-LINHBEAUTY', 'KOC-THAOVY'] },
    /** A draft for "one refused row among good ones". */
    atomic: { code: code('ATOM'), brandCode: 'COCOON', status: 'draft', creators: ['KOC-LINHBEAUTY'] },
  } satisfies Record<string, CampaignSpec>;
}

export type DoorCampaigns = ReturnType<typeof doorCampaigns>;

/**
 * A campaign in exactly the state a case needs, written straight to the tables: this is the
 * setup, not the behaviour under test (a finished campaign can't be reached through the door
 * without a history of its own). Owner minh.tran, like the sample campaigns.
 */
export async function createCampaignInState(prisma: PrismaClient, spec: CampaignSpec): Promise<string> {
  const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
  const brand = await prisma.brand.findFirstOrThrow({ where: { code: spec.brandCode } });
  const owner = await prisma.user.findFirstOrThrow({ where: { username: 'minh.tran' } });
  const campaign = await prisma.campaign.create({
    data: {
      code: spec.code,
      name: nameOf(spec),
      brandId: brand.id,
      channel: 'tiktok',
      objective: 'sale',
      description: spec.description ?? null,
      startDate: day(startOf(spec)),
      endDate: day(endOf(spec)),
      budgetPlanned: budgetOf(spec),
      status: spec.status,
      ownerId: owner.id,
    },
  });
  for (const creatorKey of spec.creators ?? []) {
    const creator = await prisma.creator.findFirstOrThrow({ where: { creatorKey } });
    await prisma.campaignCreator.create({ data: { campaignId: campaign.id, creatorId: creator.id, role: 'main' } });
  }
  return campaign.id;
}

export async function createDoorCampaigns(prisma: PrismaClient, door: string): Promise<DoorCampaigns> {
  const specs = doorCampaigns(door);
  for (const spec of Object.values(specs)) await createCampaignInState(prisma, spec);
  return specs;
}

// ── Template files ─────────────────────────────────────────────────────────────────────────────

export type TemplateRow = Record<string, string | number | null | undefined>;

/** A campaign as a row of campaigns.csv, as its spec made it, with changes. */
export function campaignRow(spec: CampaignSpec, overrides: TemplateRow = {}): TemplateRow {
  return {
    code: spec.code,
    name: nameOf(spec),
    brand_code: spec.brandCode,
    channel: 'tiktok',
    objective: 'sale',
    description: spec.description ?? null,
    start_date: startOf(spec),
    end_date: endOf(spec),
    budget_planned: budgetOf(spec),
    kpi_view: null,
    kpi_order: null,
    kpi_revenue: null,
    status: spec.status,
    owner_username: 'minh.tran',
    ...overrides,
  };
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A template CSV of `table`: every template column in the header, the rows' cells (missing = empty).
 * `extraColumns` adds columns the import accepts beyond the template (payment_ref, deliverable_code).
 */
export function toTemplateCsv(table: TableName, rows: readonly TemplateRow[], extraColumns: readonly string[] = []): string {
  const columns = [...templateColumns(getTableDefinition(table)).map((column) => column.name), ...extraColumns];
  return [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))].join('\n') + '\n';
}

/** The same rows as a tab of a workbook (writeWorkbook): the header, then the cells as text. */
export function toTemplateTab(table: TableName, rows: readonly TemplateRow[], extraColumns: readonly string[] = []): { tab: string; rows: string[][] } {
  const columns = [...templateColumns(getTableDefinition(table)).map((column) => column.name), ...extraColumns];
  const text = (value: TemplateRow[string]) => (value === null || value === undefined ? '' : String(value));
  return { tab: table, rows: [columns, ...rows.map((row) => columns.map((column) => text(row[column])))] };
}

// ── Bookings, deliverables and payments in a chosen state ──────────────────────────────────────

export type DeliverableSpec = {
  title: string;
  status: 'planned' | 'shooting' | 'waiting_approve' | 'scheduled' | 'posted' | 'rejected' | 'canceled';
  /** Default video_feed. */
  deliverableType?: string;
  /** Default 2026-03-20. */
  deadlinePost?: string | null;
};

export type PaymentSpec = {
  paymentRef: string;
  amount: string;
  status: 'planned' | 'pending' | 'paid' | 'canceled';
  /** Default 2026-03-10. */
  paymentDate?: string | null;
  invoiceNumber?: string | null;
  note?: string | null;
};

export type BookingSpec = {
  code: string;
  campaignCode: string;
  brandCode: 'COCOON' | 'HANOIFOOD';
  creatorKey: string;
  status: 'negotiating' | 'confirmed' | 'in_progress' | 'completed' | 'canceled';
  /** Default video_only. */
  bookingType?: string;
  /** Default 10,000,000 đồng. */
  fee?: string;
  internalNote?: string | null;
  deliverables?: DeliverableSpec[];
  payments?: PaymentSpec[];
};

const feeOf = (spec: BookingSpec) => spec.fee ?? '10000000';
const deadlineOf = (spec: DeliverableSpec) => (spec.deadlinePost === undefined ? '2026-03-20' : spec.deadlinePost);
const paymentDateOf = (spec: PaymentSpec) => (spec.paymentDate === undefined ? '2026-03-10' : spec.paymentDate);

/**
 * A booking with its deliverables and payments, written straight to the tables in the state a
 * case needs (like createCampaignInState: setup, not the behaviour under test). Amounts are in
 * đồng, so the base amounts equal them; no status history is written for it.
 */
export async function createBookingInState(prisma: PrismaClient, spec: BookingSpec): Promise<string> {
  const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
  const campaign = await prisma.campaign.findFirstOrThrow({ where: { code: spec.campaignCode } });
  const brand = await prisma.brand.findFirstOrThrow({ where: { code: spec.brandCode } });
  const creator = await prisma.creator.findFirstOrThrow({ where: { creatorKey: spec.creatorKey } });
  const finance = await prisma.user.findFirstOrThrow({ where: { username: 'huong.le' } });
  const booking = await prisma.booking.create({
    data: {
      code: spec.code,
      campaignId: campaign.id,
      brandId: brand.id,
      creatorId: creator.id,
      bookingType: (spec.bookingType ?? 'video_only') as 'video_only',
      briefSummary: `Brief ${spec.code}`,
      startDate: day('2026-03-02'),
      endDate: day('2026-03-25'),
      totalFeeAgreed: feeOf(spec),
      totalFeeVnd: feeOf(spec),
      currency: 'VND',
      deliverablesCountPlanned: spec.deliverables?.length ?? 0,
      status: spec.status,
      internalNote: spec.internalNote ?? null,
    },
  });
  for (const deliverable of spec.deliverables ?? []) {
    await prisma.bookingDeliverable.create({
      data: { bookingId: booking.id, deliverableType: (deliverable.deliverableType ?? 'video_feed') as 'video_feed', title: deliverable.title, deadlinePost: day(deadlineOf(deliverable)), quantity: 1, status: deliverable.status },
    });
  }
  for (const payment of spec.payments ?? []) {
    await prisma.payment.create({
      data: {
        paymentRef: payment.paymentRef,
        bookingId: booking.id,
        campaignId: campaign.id,
        creatorId: creator.id,
        amount: payment.amount,
        amountVnd: payment.amount,
        currency: 'VND',
        paymentDate: day(paymentDateOf(payment)),
        status: payment.status,
        invoiceNumber: payment.invoiceNumber ?? null,
        note: payment.note ?? null,
        createdById: finance.id,
      },
    });
  }
  return booking.id;
}

/** A booking as a row of bookings.csv, as its spec made it, with changes. */
export function bookingRow(spec: BookingSpec, overrides: TemplateRow = {}): TemplateRow {
  return {
    code: spec.code,
    campaign_code: spec.campaignCode,
    brand_code: spec.brandCode,
    creator_key: spec.creatorKey,
    platform: null,
    handle: null,
    product_code: null,
    booking_type: spec.bookingType ?? 'video_only',
    brief_summary: `Brief ${spec.code}`,
    start_date: '2026-03-02',
    end_date: '2026-03-25',
    total_fee_agreed: feeOf(spec),
    currency: 'VND',
    exchange_rate: null,
    deliverables_count_planned: spec.deliverables?.length ?? 0,
    status: spec.status,
    internal_note: spec.internalNote ?? null,
    ...overrides,
  };
}

/** A deliverable of `bookingCode` as a row of booking_deliverables.csv, with changes. */
export function deliverableRow(bookingCode: string, spec: DeliverableSpec, overrides: TemplateRow = {}): TemplateRow {
  return {
    booking_code: bookingCode,
    deliverable_type: spec.deliverableType ?? 'video_feed',
    title: spec.title,
    script_link: null,
    requirements: null,
    deadline_shoot: null,
    deadline_post: deadlineOf(spec),
    quantity: 1,
    fee: null,
    status: spec.status,
    ...overrides,
  };
}

/** A payment of `booking` as a row of payments.csv, payment_ref included (an extra column), with changes. */
export function paymentRow(booking: BookingSpec, spec: PaymentSpec, overrides: TemplateRow = {}): TemplateRow {
  return {
    booking_code: booking.code,
    campaign_code: booking.campaignCode,
    creator_key: booking.creatorKey,
    amount: spec.amount,
    currency: 'VND',
    exchange_rate: null,
    payment_date: paymentDateOf(spec),
    payment_method: 'bank_transfer',
    status: spec.status,
    invoice_number: spec.invoiceNumber ?? null,
    note: spec.note ?? null,
    created_by_username: 'huong.le',
    payment_ref: spec.paymentRef,
    ...overrides,
  };
}

// ── The import CLI in a child process ──────────────────────────────────────────────────────────

/** The sample data and the CLI door's campaigns, then the caller's own setup: what every CLI case starts from. */
async function prepareCliDatabase(prisma: PrismaClient, prepare?: (prisma: PrismaClient) => Promise<void>): Promise<void> {
  await seedSampleData(prisma);
  await createDoorCampaigns(prisma, 'CLI');
  await prepare?.(prisma);
}

export type CliCaseInput = { files: Record<string, string>; as: string };
export type CliRun = { exitCode: number; output: string };

async function runImportCli(input: CliCaseInput, env: Record<string, string>): Promise<CliRun> {
  const folder = await mkdtemp(join(tmpdir(), 'bc-cli-import-'));
  try {
    for (const [name, text] of Object.entries(input.files)) await writeFile(join(folder, name), text);
    // An English terminal, as child-process.ts gives its children: with no language of its own
    // (LANG=C) the CLI would speak the tenant's, and these cases read its English messages.
    const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', LANG: 'en_US.UTF-8', ...env };
    for (const name of ['LC_ALL', 'LC_MESSAGES'] as const) if (!env[name]) delete childEnv[name];
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    delete childEnv.TEST_DATABASE_URL;
    try {
      const { stdout, stderr } = await execFileAsync(tsx, ['scripts/import.ts', '--path', folder, '--as', input.as], { cwd: projectRoot, env: childEnv, timeout: 120_000 });
      return { exitCode: 0, output: `${stdout}${stderr}` };
    } catch (error) {
      const failed = error as { code?: number | string; stdout?: string; stderr?: string };
      if (typeof failed.code !== 'number') throw error;
      return { exitCode: failed.code, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** What one case did: the CLI's exit code and output, and the database it ran on, open for checks. */
export type CliCaseResult = CliRun & { prisma: PrismaClient };

export type CliCaseResults<Name extends string> = {
  of(name: Name): CliCaseResult;
  dispose(): Promise<void>;
};

/**
 * Runs every case's import through the CLI, one after the other on one database, then opens that
 * database for the checks. The cases must not depend on each other's changes: each works on its
 * own campaigns. (A child process and a PGlite start each cost seconds of CPU, and this machine
 * gains nothing from running them side by side: one database, opened once, is the cheapest.)
 *
 * On PostgreSQL (TEST_DATABASE_URL) a fresh database. On the embedded database a PGlite folder
 * on disk, which one process opens at a time: prepared here and closed, left to the CLI while
 * the cases run, then opened again for the checks.
 *
 * `prepare` adds the rows the cases start from (bookings in a chosen state…), after the sample
 * data and the CLI door's campaigns.
 */
export async function runCliCases<Name extends string>(cases: Record<Name, CliCaseInput>, options: { prepare?: (prisma: PrismaClient) => Promise<void> } = {}): Promise<CliCaseResults<Name>> {
  const runs = new Map<Name, CliRun>();
  const runAll = async (env: Record<string, string>) => {
    for (const name of Object.keys(cases) as Name[]) runs.set(name, await runImportCli(cases[name], env));
  };
  const results = (database: { prisma: PrismaClient }, dispose: () => Promise<void>): CliCaseResults<Name> => ({
    of(name) {
      const run = runs.get(name);
      if (!run) throw new Error(`no CLI case ${name}`);
      return { ...run, prisma: database.prisma };
    },
    dispose,
  });

  if (isUsingPostgresServer()) {
    const database: TestDatabase = await createTestDatabase();
    try {
      await prepareCliDatabase(database.prisma, options.prepare);
      await runAll({ DATABASE_URL: database.url! });
    } catch (error) {
      await database.dispose();
      throw error;
    }
    return results(database, () => database.dispose());
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'bc-cli-db-'));
  let database: Database | undefined;
  const dispose = async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const preparing = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await applyMigrations(preparing.migrationAdapterFactory);
      preparing.tenant.tenantId = DEFAULT_TENANT_ID;
      await prepareCliDatabase(preparing.prisma, options.prepare);
    } finally {
      await preparing.close();
    }
    await runAll({ BOOKING_CENTER_DATA_DIR: dataDir, SEED_SAMPLE_DATA: 'false' });
    database = await openDatabase({ kind: 'embedded', dataDir });
    database.tenant.tenantId = DEFAULT_TENANT_ID;
  } catch (error) {
    await dispose();
    throw error;
  }
  return results(database, dispose);
}
