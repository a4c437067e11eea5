/**
 * `npm run import` in a Vietnamese terminal (LANG=vi_VN.UTF-8) prints its problems, totals and
 * summary in Vietnamese, pointing at the same row, column and value; the problem report keeps
 * its English column codes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, runChild } from '../support/child-process.js';
import { createCliDatabase, type CliDatabase } from '../support/cli-database.js';

describe('npm run import in the terminal’s language', () => {
  let database: CliDatabase;
  let scratch: string;
  beforeAll(async () => {
    database = await createCliDatabase();
    scratch = await mkdtemp(join(tmpdir(), 'bc-cli-lang-'));
  });
  afterAll(async () => {
    await killAllChildren();
    await database?.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  it('prints a refused gender in Vietnamese with LANG=vi_VN.UTF-8, with the labels it accepts, and writes nothing', async () => {
    const file = join(scratch, 'creators.csv');
    await writeFile(file, 'creator_key,name,gender,status\nlang.an,An,nữ,hoạt động\nlang.binh,Bình,robot,active\n');
    const errorsOut = join(scratch, 'problems.csv');
    const { exitCode, output } = await runChild('scripts/import.ts', [file, '--errors-out', errorsOut], { ...database.env, LOG_LEVEL: 'silent', LANG: 'vi_VN.UTF-8' });
    expect(exitCode).toBe(1);
    expect(output).toContain('  creators.csv, dòng 3, cột gender: Giới tính “robot” không hợp lệ; chọn một trong: nữ (female), nam (male), khác (other)');
    // Row 2 ("nữ", "hoạt động") was read and would be created; row 3's refusal leaves the file unwritten.
    expect(output).toContain('creators.csv → creators: 1 mới, 0 cập nhật, 0 không đổi, 1 lỗi (chưa ghi gì)');
    expect(output).toContain('creators.csv: đang đọc…');
    expect(output).toMatch(/Đã chạy xong nhưng có lỗi: 2 dòng trong \d+,\d giây/);

    const rows = parse(await readFile(errorsOut), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      {
        file: 'creators.csv',
        table: 'creators',
        row: '3',
        column: 'gender',
        value: 'robot',
        problem: 'Giới tính “robot” không hợp lệ; chọn một trong: nữ (female), nam (male), khác (other)',
        accepted: 'một trong: nữ (female), nam (male), khác (other)',
      },
    ]);
    expect(await database.read((prisma) => prisma.creator.count({ where: { creatorKey: { startsWith: 'lang.' } } }))).toBe(0);
  });
});
