/**
 * Creators' contact details over HTTP (002 §10.2): masked for viewer, finance and client, clear
 * for lead and admin, at every read (pull, export, a push conflict); a masked value pushed back
 * never overwrites the real one.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importReportSchema, pullResponseSchema, pushResponseSchema, type PushRequest } from '../../sync-server/src/contract/sync-payloads.js';
import { seedSampleData } from '../../sync-server/src/modules/seed/seed.service.js';
import { killAllChildren, runChild } from '../support/child-process.js';
import { createCliDatabase } from '../support/cli-database.js';
import { DEFAULT_TENANT_ID } from '../../sync-server/src/platform/database/tenant-scope.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const LINH = { creator_key: 'KOC-LINHBEAUTY', contact_type: 'owner', name: 'Nguyễn Thuỳ Linh' };
const CLIENT = 'cocoon.marketing';

describe('contact details are masked for the roles that do not need them', () => {
  let server: TestServer;

  const pullContacts = async (username: string) => {
    const response = await fetch(`${server.url}/api/v1/sync/pull?tables=creator_contacts`, { headers: await server.authAs(username) });
    expect(response.status).toBe(200);
    return pullResponseSchema.parse(await response.json()).tables[0]!.rows;
  };
  const linhOf = async (username: string) => (await pullContacts(username)).find((row) => row.values.creator_key === LINH.creator_key)!;
  const push = async (username: string, tables: PushRequest['tables']) => {
    const response = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { ...(await server.authAs(username)), 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: randomUUID(), tables }),
    });
    return { status: response.status, body: await response.json() };
  };
  const storedLinh = () => server.database.prisma.creatorContact.findFirstOrThrow({ where: { name: LINH.name }, select: { phone: true, email: true, note: true, rowVersion: true } });
  const setMasking = (contactsHiddenFrom: string[] | undefined) =>
    server.database.prisma.tenant.update({ where: { id: DEFAULT_TENANT_ID }, data: { settings: contactsHiddenFrom ? { masking: { contactsHiddenFrom } } : {} } });

  beforeAll(async () => {
    server = await startTestServer();
    const prisma = server.database.prisma;
    const cocoon = await prisma.brand.findFirstOrThrow({ where: { code: 'COCOON' }, select: { id: true } });
    await prisma.user.create({ data: { username: CLIENT, email: 'marketing@cocoon.example', displayName: 'Cocoon marketing', role: 'client', clientBrands: { create: [{ brandId: cocoon.id }] } } });
  });
  afterAll(async () => server?.dispose());

  it.each(['an.pham', 'huong.le', CLIENT])('%s pulls Linh’s phone, Zalo and email masked, still recognisable', async (username) => {
    const linh = await linhOf(username);
    expect(linh.values).toMatchObject({ name: LINH.name, phone: '09•••••678', zalo: '09•••••678', email: 'l•••@gmail.com' });
  });

  it.each(['lan.nguyen', 'minh.tran'])('%s pulls them in clear', async (username) => {
    expect((await linhOf(username)).values).toMatchObject({ phone: '0912345678', email: 'linhbeauty.work@gmail.com' });
  });

  it('the contacts export is masked for finance and clear for a lead', async () => {
    const exportAs = async (username: string) => {
      const response = await fetch(`${server.url}/api/v1/exports/creator_contacts?format=csv`, { headers: await server.authAs(username) });
      expect(response.status).toBe(200);
      return (parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[]).find((row) => row.creator_key === LINH.creator_key)!;
    };
    expect(await exportAs('huong.le')).toMatchObject({ phone: '09•••••678', email: 'l•••@gmail.com' });
    expect(await exportAs('minh.tran')).toMatchObject({ phone: '0912345678', email: 'linhbeauty.work@gmail.com' });
  });

  it('the tenant setting decides who is masked: a lead listed in contactsHiddenFrom reads masked, a viewer left out reads clear', async () => {
    await setMasking(['lead']);
    try {
      expect((await linhOf('minh.tran')).values.phone).toBe('09•••••678');
      expect((await linhOf('an.pham')).values.phone).toBe('0912345678');
      expect((await linhOf('lan.nguyen')).values.phone).toBe('0912345678');
    } finally {
      await setMasking(undefined);
    }
  });

  describe('a masked sheet pushed back', () => {
    beforeAll(() => setMasking(['lead', 'viewer', 'finance', 'client']));
    afterAll(() => setMasking(undefined));

    it('a masked lead pushing the row with a new note keeps the real phone and email, and the note changes', async () => {
      const pulled = await linhOf('minh.tran');
      expect(pulled.values.phone).toBe('09•••••678');
      const { status, body } = await push('minh.tran', [{ table: 'creator_contacts', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, note: 'Gọi sau 18h' } }] }]);
      expect(status).toBe(200);
      expect(pushResponseSchema.parse(body).tables[0]!.results[0]).toMatchObject({ status: 'updated' });
      expect(await storedLinh()).toMatchObject({ phone: '0912345678', email: 'linhbeauty.work@gmail.com', note: 'Gọi sau 18h' });
    });

    it('pushed back unchanged, the masked row changes nothing at all', async () => {
      const pulled = await linhOf('minh.tran');
      const before = await storedLinh();
      const { body } = await push('minh.tran', [{ table: 'creator_contacts', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: pulled.values }] }]);
      expect(pushResponseSchema.parse(body).tables[0]!.results[0]).toMatchObject({ status: 'unchanged' });
      expect((await storedLinh()).rowVersion).toBe(before.rowVersion);
    });

    it('a masked lead typing a new phone is refused with CONTACTS_MASKED: they can’t see what they overwrite', async () => {
      const pulled = await linhOf('minh.tran');
      const { body } = await push('minh.tran', [{ table: 'creator_contacts', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, phone: '0900000000' } }] }]);
      const result = pushResponseSchema.parse(body).tables[0]!.results[0]!;
      expect(result.status).toBe('error');
      expect(result.errors?.phone?.join(' ')).toContain("can't change phone");
      expect((await storedLinh()).phone).toBe('0912345678');
    });

    it('a stale masked row comes back as a conflict whose server values are masked too', async () => {
      const pulled = await linhOf('minh.tran');
      const { body } = await push('minh.tran', [{ table: 'creator_contacts', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion - 1, values: pulled.values }] }]);
      const result = pushResponseSchema.parse(body).tables[0]!.results[0]!;
      expect(result.status).toBe('conflict');
      expect(result.serverValues).toMatchObject({ phone: '09•••••678', email: 'l•••@gmail.com' });
    });

    it('even an admin can’t store a value that looks masked but is not this row’s: it would replace a number with bullets', async () => {
      const pulled = await linhOf('lan.nguyen');
      const { body } = await push('lan.nguyen', [{ table: 'creator_contacts', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, phone: '09•••••999' } }] }]);
      const result = pushResponseSchema.parse(body).tables[0]!.results[0]!;
      expect(result.status).toBe('error');
      expect(result.errors?.phone?.join(' ')).toContain('masked value');
      // The masked form of the real number is no change, from anyone.
      const echo = await push('lan.nguyen', [{ table: 'creator_contacts', rows: [{ rowNumber: 2, rowVersion: pulled.rowVersion, values: { ...pulled.values, phone: '09•••••678' } }] }]);
      expect(pushResponseSchema.parse(echo.body).tables[0]!.results[0]).toMatchObject({ status: 'unchanged' });
      expect((await storedLinh()).phone).toBe('0912345678');
    });
  });

  // The rule is the write door's: the upload and the command-line import refuse bullets the same way.
  const contactsCsv = (phone: string) => `creator_key,contact_type,name,phone\n${LINH.creator_key},${LINH.contact_type},${LINH.name},${phone}\n`;

  it('an upload of a contact whose phone looks masked but is not this row’s is refused, and the masked echo is no change', async () => {
    const upload = async (phone: string) => {
      const form = new FormData();
      form.append('file', new Blob([contactsCsv(phone)]), 'creator_contacts.csv');
      const response = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs('lan.nguyen'), body: form });
      expect(response.status).toBe(200);
      return importReportSchema.parse(await response.json()).files[0]!;
    };
    const refused = await upload('09•••••999');
    expect(refused.isCommitted).toBe(false);
    expect(refused.problems.map((problem) => `${problem.column}: ${problem.message}`).join(' ')).toContain('masked value');
    expect((await upload('09•••••678')).totals).toMatchObject({ updated: 0, errors: 0 });
    expect((await storedLinh()).phone).toBe('0912345678');
  });

  it('the command-line import refuses the same masked-looking phone (exit 1) and stores nothing', async () => {
    const database = await createCliDatabase();
    const folder = await mkdtemp(join(tmpdir(), 'bc-masked-cli-'));
    try {
      await database.read((prisma) => seedSampleData(prisma));
      const file = join(folder, 'creator_contacts.csv');
      await writeFile(file, contactsCsv('09•••••999'));
      const run = await runChild('scripts/import.ts', [file], { ...database.env, LOG_LEVEL: 'silent' });
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain('masked value');
      const phone = await database.read((prisma) => prisma.creatorContact.findFirstOrThrow({ where: { name: LINH.name }, select: { phone: true } }));
      expect(phone.phone).toBe('0912345678');
    } finally {
      await killAllChildren();
      await database.dispose();
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
