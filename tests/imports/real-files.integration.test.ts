import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportSchema } from '../../sync-server/src/contract/sync-payloads.js';
import { importPath } from '../../sync-server/src/modules/imports/import-files.service.js';
import { AppError } from '../../sync-server/src/platform/errors/app-error.js';
import { errorResponseSchema } from '../../sync-server/src/platform/http/openapi.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { writeXlsx } from '../support/workbook-files.js';

const fixtures = join(import.meta.dirname, '../fixtures/imports');
const VIETNAMESE = [
  { creatorKey: 'vy.nguyen', name: 'Nguyễn Thảo Vy', location: 'Hồ Chí Minh' },
  { creatorKey: 'khoi.dang', name: 'Đặng Minh Khôi', location: 'Hà Nội' },
  { creatorKey: 'uyen.tran', name: 'Trần Ngọc Ánh Uyên', location: 'Đà Nẵng' },
  { creatorKey: 'huong.pham', name: 'Phạm Thị Hường', location: 'Cần Thơ' },
];

describe('real spreadsheet files, uploaded and imported as the CLI does', () => {
  let server: TestServer;
  let workDir: string;

  const upload = async (fileName: string, content: Buffer | string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), fileName);
    return fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: await server.authAs('minh.tran'), body: form });
  };
  const creatorsByKey = (keys: string[]) =>
    server.database.prisma.creator.findMany({ where: { creatorKey: { in: keys } }, select: { creatorKey: true, name: true, location: true }, orderBy: { creatorKey: 'asc' } });
  const removeCreators = (keys: string[]) => server.database.prisma.creator.deleteMany({ where: { creatorKey: { in: keys } } });

  beforeAll(async () => {
    server = await startTestServer();
    workDir = await mkdtemp(join(tmpdir(), 'bc-real-files-'));
  });
  afterAll(async () => {
    await server?.dispose();
    await rm(workDir, { recursive: true, force: true });
  });

  it.each([
    ['creators-excel-windows-1258.csv', 'creators.csv'],
    ['creators-excel-unicode-text.txt', 'creators.txt'],
    ['creators-utf-16-be.txt', 'creators.txt'],
    ['creators-excel-utf-8-bom.csv', 'creators.csv'],
    ['creators-google-sheets.csv', 'creators.csv'],
    ['creators-utf-8-nfd.csv', 'creators.csv'],
  ])('%s uploaded as %s stores the names exactly, as NFC text', async (fixture, fileName) => {
    const keys = VIETNAMESE.map((creator) => creator.creatorKey);
    await removeCreators(keys);
    const response = await upload(fileName, await readFile(join(fixtures, fixture)));
    expect(response.status).toBe(200);
    const report = importReportSchema.parse(await response.json());
    expect(report.files[0]).toMatchObject({ table: 'creators', isCommitted: true, problems: [] });
    expect(report.files[0]!.totals).toMatchObject({ created: 4, errors: 0 });
    const stored = await creatorsByKey(keys);
    expect(stored).toEqual([...VIETNAMESE].sort((a, b) => a.creatorKey.localeCompare(b.creatorKey)));
    expect(stored.every((creator) => creator.name === creator.name.normalize('NFC') && !creator.name.includes('\ufffd'))).toBe(true);
  });

  it('a LibreOffice workbook (.ods) imports its brand and creator tabs and skips the guide tab', async () => {
    await removeCreators(VIETNAMESE.map((creator) => creator.creatorKey));
    const response = await upload('workbook-libreoffice.ods', await readFile(join(fixtures, 'workbook-libreoffice.ods')));
    expect(response.status).toBe(200);
    const report = importReportSchema.parse(await response.json());
    expect(report.files.map((file) => [file.table, file.totals.errors, file.isCommitted])).toEqual([
      ['brands', 0, true],
      ['creators', 0, true],
    ]);
    const lumi = await server.database.prisma.brand.findFirstOrThrow({ where: { code: 'LUMI' }, select: { description: true } });
    expect(lumi.description).toBe('Mỹ phẩm  thuần chay\ncho da nhạy cảm');
    const vy = await server.database.prisma.creator.findFirstOrThrow({ where: { creatorKey: 'vy.nguyen' }, select: { name: true, dob: true, priorityScore: true } });
    expect([vy.name, vy.dob?.toISOString().slice(0, 10), vy.priorityScore]).toEqual(['Nguyễn Thảo Vy', '1999-03-08', 8]);
  });

  describe('a CSV with a stray quote after 2,500 good rows', () => {
    const goodKeys = Array.from({ length: 2500 }, (_, index) => `good.${index}`);
    const text = ['creator_key,name', ...goodKeys.map((key) => `${key},Người ${key}`), 'bad.one,=HYPERLINK("http://x","y")', ''].join('\r\n');

    it('upload: 422 naming row 2,502 and column B (name) in plain words; not one row is written', async () => {
      const response = await upload('creators.csv', text);
      expect(response.status).toBe(422);
      const body = errorResponseSchema.parse(await response.json());
      expect(body.code).toBe('MALFORMED_CSV');
      expect(body.detail).toMatch(/^creators\.csv, row 2502, column B \(name\): this cell has a quote/);
      expect(body.errors.name).toEqual([expect.stringMatching(/^row 2502: /)]);
      expect(JSON.stringify(body)).not.toMatch(/Invalid Opening Quote|field 1|at line/);
      expect(await server.database.prisma.creator.count({ where: { creatorKey: { startsWith: 'good.' } } })).toBe(0);
    });

    it('the programmatic import the CLI runs: the same refusal, and not one row is written', async () => {
      const dir = await mkdtemp(join(workDir, 'stray-'));
      await writeFile(join(dir, 'creators.csv'), text);
      const error = await importPath(server.database.prisma, dir).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).problems).toEqual([expect.objectContaining({ table: 'creators.csv', row: 2502, column: 'name' })]);
      expect(await server.database.prisma.creator.count({ where: { creatorKey: { startsWith: 'good.' } } })).toBe(0);
    });
  });

  it('a Shift_JIS CSV is refused with 422 naming the encoding, and a double-encoded one naming the cell', async () => {
    const shiftJis = errorResponseSchema.parse(await (await upload('creators.csv', await readFile(join(fixtures, 'creators-shift-jis.csv')))).json());
    expect(shiftJis.code).toBe('UNSUPPORTED_ENCODING');
    expect(shiftJis.detail).toContain('Shift_JIS');
    await removeCreators(VIETNAMESE.map((creator) => creator.creatorKey));
    const garbled = await upload('creators.csv', await readFile(join(fixtures, 'creators-double-encoded.csv')));
    expect(garbled.status).toBe(422);
    expect(errorResponseSchema.parse(await garbled.json()).errors.name).toEqual([expect.stringContaining("'Nguyễn Thảo Vy'")]);
    expect(await creatorsByKey(VIETNAMESE.map((creator) => creator.creatorKey))).toEqual([]);
  });

  it('a workbook declaring 2,000,000 distinct texts is refused with 422 and the numbers', async () => {
    const path = await writeXlsx(
      join(workDir, 'creators.xlsx'),
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
      `<sst count="2000000" uniqueCount="2000000">${'<si><t>x</t></si>'.repeat(2_000_000)}</sst>`,
    );
    const response = await upload('creators.xlsx', await readFile(path));
    expect(response.status).toBe(422);
    const body = errorResponseSchema.parse(await response.json());
    expect([body.code, body.detail]).toEqual(['FILE_LIMIT_EXCEEDED', expect.stringContaining('has 2,000,000 distinct texts; the limit is 1,000,000')]);
  });

  it('a file the import does not read is a usage error with reason UNSUPPORTED_FILE, for the upload and the CLI', async () => {
    const response = await upload('creators.xls', 'x');
    expect(response.status).toBe(422);
    const body = errorResponseSchema.parse(await response.json());
    expect([body.code, body.detail]).toEqual(['UNSUPPORTED_FILE', expect.stringContaining('Excel 97–2003 workbook (.xls)')]);
    const path = join(workDir, 'creators.pdf');
    await writeFile(path, 'x');
    const error = await importPath(server.database.prisma, path).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as AppError | undefined)?.reason).toBe('UNSUPPORTED_FILE');
  });
});
