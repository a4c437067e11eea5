/**
 * Erasing a creator's personal data on request (002 §16), through both doors: the HTTP route and
 * `npm run erase`. Names and contacts are anonymised; bookings, payments and metrics stay; the
 * audit says who erased whom and when, never the erased values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../sync-server/src/generated/prisma/client.js';
import { seedSampleData } from '../../sync-server/src/modules/seed/seed.service.js';
import { killAllChildren, runChild } from '../support/child-process.js';
import { createCliDatabase, type CliDatabase } from '../support/cli-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// What the sample data holds about Linh, none of which may survive in her row or in the audit of the erasure.
const LINH_VALUES = ['Nguyễn Thuỳ Linh', 'Linh Beauty', '1998-04-12', 'Hà Nội', 'Review chân thật', '0912345678', 'linhbeauty.work@gmail.com', '@linhbeauty'];

async function readCreator(prisma: PrismaClient, creatorKey: string) {
  const creator = await prisma.creator.findFirstOrThrow({
    where: { creatorKey },
    select: {
      id: true, name: true, alias: true, gender: true, dob: true, location: true, noteInternal: true, niche: true, status: true,
      contacts: { select: { name: true, phone: true, zalo: true, email: true, wechat: true, note: true } },
      channels: { select: { handle: true, profileUrl: true, followerCount: true } },
      notes: { select: { title: true, content: true, noteType: true } },
    },
  });
  const [bookings, payments, videos, snapshots] = await Promise.all([
    prisma.booking.count({ where: { creatorId: creator.id, deletedAt: null } }),
    prisma.payment.count({ where: { creatorId: creator.id, deletedAt: null } }),
    prisma.video.count({ where: { creatorId: creator.id, deletedAt: null } }),
    prisma.videoMetricSnapshot.count({ where: { video: { creatorId: creator.id } } }),
  ]);
  return { ...creator, kept: { bookings, payments, videos, snapshots } };
}

/** The audit entries the erasure wrote (every entity it touched), as text. */
async function erasureAuditText(prisma: PrismaClient, since: Date): Promise<{ entries: { entityType: string; action: string; actorLabel: string }[]; text: string }> {
  const entries = await prisma.auditLog.findMany({ where: { createdAt: { gte: since }, action: { in: ['erase', 'erase_contact'] } }, select: { entityType: true, action: true, actorLabel: true, changes: true, note: true } });
  return { entries, text: JSON.stringify(entries) };
}

function expectErased(creator: Awaited<ReturnType<typeof readCreator>>) {
  expect(creator.name).toMatch(/^Erased creator [0-9a-f]{8}$/);
  expect(creator).toMatchObject({ alias: null, gender: null, dob: null, location: null, noteInternal: null, niche: 'beauty', status: 'active' });
  expect(creator.contacts).toEqual([{ name: 'Erased contact 1', phone: null, zalo: null, email: null, wechat: null, note: null }]);
  expect(creator.channels).toEqual([{ handle: expect.stringMatching(/^erased-[0-9a-f]{8}-1$/), profileUrl: null, followerCount: 820000 }]);
  const text = JSON.stringify(creator);
  for (const value of LINH_VALUES) expect(text).not.toContain(value);
}

describe('erasure over HTTP', () => {
  let server: TestServer;
  let before: Awaited<ReturnType<typeof readCreator>>;

  const erase = async (username: string, creatorKey: string, body: unknown) => {
    const response = await fetch(`${server.url}/api/v1/creators/${encodeURIComponent(creatorKey)}/erase`, {
      method: 'POST',
      headers: { ...(await server.authAs(username)), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { detail?: string; code?: string; [field: string]: unknown } };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const prisma = server.database.prisma;
    const linh = await prisma.creator.findFirstOrThrow({ where: { creatorKey: 'KOC-LINHBEAUTY' }, select: { id: true } });
    const lan = await prisma.user.findFirstOrThrow({ where: { username: 'lan.nguyen' }, select: { id: true } });
    await prisma.creatorNote.create({ data: { creatorId: linh.id, userId: lan.id, title: 'Gặp Nguyễn Thuỳ Linh', content: 'Linh Beauty muốn tăng giá, gọi 0912345678', noteType: 'meeting' } });
    before = await readCreator(prisma, 'KOC-LINHBEAUTY');
  });
  afterAll(async () => server?.dispose());

  it.each(['minh.tran', 'huong.le', 'an.pham'])('%s is refused with 403: only an admin erases', async (username) => {
    const { status, body } = await erase(username, 'KOC-LINHBEAUTY', { confirm: 'KOC-LINHBEAUTY' });
    expect(status).toBe(403);
    expect(body.detail).toContain("erase a creator's personal data");
  });

  it('without the exact confirmation it is a 422 saying what to type, and nothing changes', async () => {
    for (const body of [{}, { confirm: 'koc-linhbeauty' }]) {
      const response = await erase('lan.nguyen', 'KOC-LINHBEAUTY', body);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
      expect(response.body.detail).toContain('"confirm": "KOC-LINHBEAUTY"');
    }
    expect((await readCreator(server.database.prisma, 'KOC-LINHBEAUTY')).name).toBe('Nguyễn Thuỳ Linh');
  });

  it('an unknown creator is a 404', async () => {
    expect((await erase('lan.nguyen', 'KOC-NOBODY', { confirm: 'KOC-NOBODY' })).status).toBe(404);
  });

  it('erases names, contacts, channel handles and notes, keeps bookings, payments and metrics, and audits without the values', async () => {
    const startedAt = new Date(Date.now() - 1000);
    const { status, body } = await erase('lan.nguyen', 'KOC-LINHBEAUTY', { confirm: 'KOC-LINHBEAUTY' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ creatorKey: 'KOC-LINHBEAUTY', contactsErased: 1, channelsAnonymised: 1, notesErased: 1, kept: { bookings: before.kept.bookings, payments: before.kept.payments, videos: before.kept.videos } });
    const after = await readCreator(server.database.prisma, 'KOC-LINHBEAUTY');
    expectErased(after);
    expect(after.notes).toEqual([{ title: 'Erased note', content: '', noteType: 'meeting' }]);
    expect(after.kept).toEqual(before.kept);
    expect(before.kept.bookings).toBeGreaterThan(0);
    expect(before.kept.payments).toBeGreaterThan(0);

    const audit = await erasureAuditText(server.database.prisma, startedAt);
    expect(new Set(audit.entries.map((entry) => entry.entityType))).toEqual(new Set(['creator', 'creator_contact', 'creator_channel']));
    expect(audit.entries.every((entry) => entry.actorLabel === 'lan.nguyen@bookingcenter.vn')).toBe(true);
    expect(audit.text).toContain('(erased)');
    for (const value of LINH_VALUES) expect(audit.text).not.toContain(value);

    // The sheet shows the anonymised creator; a second erasure changes nothing more.
    const pull = await fetch(`${server.url}/api/v1/sync/pull?tables=creators`, { headers: await server.authAs('minh.tran') });
    const creators = ((await pull.json()) as { tables: { rows: unknown }[] }).tables[0]!.rows as { values: Record<string, unknown> }[];
    expect(creators.find((row) => row.values.creator_key === 'KOC-LINHBEAUTY')!.values.name).toBe(after.name);
    expect((await erase('lan.nguyen', 'KOC-LINHBEAUTY', { confirm: 'KOC-LINHBEAUTY' })).status).toBe(200);
    expect((await readCreator(server.database.prisma, 'KOC-LINHBEAUTY')).name).toBe(after.name);
  });

  it('one contact alone can be erased (a manager who asks), leaving the creator as it is', async () => {
    const { status, body } = await erase('lan.nguyen', 'KOC-HOANGANHREVIEW', { confirm: 'KOC-HOANGANHREVIEW', contact: { type: 'manager', name: 'Vũ Minh Tuấn' } });
    expect(status, JSON.stringify(body)).toBe(200);
    const creator = await readCreator(server.database.prisma, 'KOC-HOANGANHREVIEW');
    expect(creator.name).toBe('Đỗ Hoàng Anh');
    expect(creator.contacts).toEqual([{ name: 'Erased contact 1', phone: null, zalo: null, email: null, wechat: null, note: null }]);
    const missing = await erase('lan.nguyen', 'KOC-HOANGANHREVIEW', { confirm: 'KOC-HOANGANHREVIEW', contact: { type: 'owner', name: 'Nobody' } });
    expect(missing.status).toBe(404);
  });
});

describe('npm run erase', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await createCliDatabase();
    await database.read((prisma) => seedSampleData(prisma));
  });
  afterAll(async () => {
    await killAllChildren();
    await database?.dispose();
  });
  const runErase = (...args: string[]) => runChild('scripts/erase.ts', args, { ...database.env, LOG_LEVEL: 'silent' });

  it('refuses without --confirm, saying what to type, and erases nothing', async () => {
    const { exitCode, output } = await runErase('creator', 'KOC-LINHBEAUTY');
    expect(exitCode, output).toBe(1);
    expect(output).toContain('"confirm": "KOC-LINHBEAUTY"');
    expect(await database.read(async (prisma) => (await readCreator(prisma, 'KOC-LINHBEAUTY')).name)).toBe('Nguyễn Thuỳ Linh');
  });

  it('a usage mistake exits 2 with the usage', async () => {
    const { exitCode, output } = await runErase('everything', 'KOC-LINHBEAUTY');
    expect(exitCode).toBe(2);
    expect(output).toContain('npm run erase -- creator <creatorKey> --confirm <creatorKey>');
  });

  it('erases as the first admin, keeps the bookings and payments, and audits without the values', async () => {
    const startedAt = new Date(Date.now() - 1000);
    const before = await database.read((prisma) => readCreator(prisma, 'KOC-LINHBEAUTY'));
    const { exitCode, output } = await runErase('creator', 'KOC-LINHBEAUTY', '--confirm', 'KOC-LINHBEAUTY');
    expect(exitCode, output).toBe(0);
    expect(output).toMatch(/Erased the personal data of KOC-LINHBEAUTY: now "Erased creator [0-9a-f]{8}"/);
    expect(output).toContain(`Kept: ${before.kept.bookings} booking(s), ${before.kept.payments} payment(s)`);
    const { after, audit } = await database.read(async (prisma) => ({ after: await readCreator(prisma, 'KOC-LINHBEAUTY'), audit: await erasureAuditText(prisma, startedAt) }));
    expectErased(after);
    expect(after.kept).toEqual(before.kept);
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries.every((entry) => entry.actorLabel.startsWith('lan.nguyen@bookingcenter.vn via npm run erase'))).toBe(true);
    for (const value of LINH_VALUES) expect(audit.text).not.toContain(value);
  });
});
