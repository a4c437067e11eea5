/**
 * The commands speak the operator's language: `--lang vi|en|am`, else the terminal's locale
 * (LANG=vi_VN.UTF-8), else the tenant's language once the command knows its tenant. Child
 * processes as an operator runs them; usage mistakes are found before the database is opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, type CliDatabase } from '../support/cli-database.js';
import { killAllChildren, runChild } from '../support/child-process.js';

let database: CliDatabase;

beforeAll(async () => {
  database = await createCliDatabase();
});
afterAll(async () => {
  await killAllChildren();
  await database?.dispose();
});

describe('the commands’ language', () => {
  it('prints a usage mistake in Vietnamese under LANG=vi_VN.UTF-8, in Amharic with --lang am, in English otherwise', async () => {
    const [vietnamese, amharic, english, importVietnamese, exportAmharic] = await Promise.all([
      runChild('scripts/user.ts', ['promote'], { ...database.env, LANG: 'vi_VN.UTF-8' }),
      runChild('scripts/user.ts', ['promote', '--lang', 'am'], { ...database.env, LANG: 'vi_VN.UTF-8' }),
      runChild('scripts/user.ts', ['promote'], database.env),
      runChild('scripts/import.ts', ['--dry-run'], { ...database.env, LANG: 'vi_VN.UTF-8' }),
      runChild('scripts/export.ts', ['--lang=am'], database.env),
    ]);
    expect(vietnamese.exitCode, vietnamese.output).toBe(2);
    expect(vietnamese.output).toContain('Không có lệnh “promote”.');
    expect(vietnamese.output).toContain('Cách dùng:');
    expect(vietnamese.output).toContain('Thêm --lang vi|en|am');

    // --lang comes before the locale, and is not taken for the command's own arguments.
    expect(amharic.exitCode, amharic.output).toBe(2);
    expect(amharic.output).toContain('“promote” የሚባል ትዕዛዝ የለም።');
    expect(amharic.output).toContain('አጠቃቀም፦');
    expect(amharic.output).not.toContain('Unknown option');

    expect(english.exitCode).toBe(2);
    expect(english.output).toContain('There is no command "promote".');
    expect(english.output).toContain('Usage:');
    expect(english.output).toContain('Add --lang vi|en|am');

    expect(importVietnamese.exitCode, importVietnamese.output).toBe(2);
    expect(importVietnamese.output).toContain('Hãy cho biết cần import gì: một thư mục chứa các tệp mẫu hoặc một tệp.');
    expect(importVietnamese.output).toContain('--lang vi|en|am        ngôn ngữ của thông báo');

    expect(exportAmharic.exitCode, exportAmharic.output).toBe(2);
    expect(exportAmharic.output).toContain('አጠቃቀም፦');
    expect(exportAmharic.output).toContain('(ለእያንዳንዱ ሰንጠረዥ አንድ CSV)');
  }, 240_000);

  it('refuses a --lang it does not speak with exit code 2', async () => {
    const run = await runChild('scripts/tenant.ts', ['list', '--lang', 'fr'], database.env);
    expect(run.exitCode, run.output).toBe(2);
    expect(run.output).toContain('--lang fr is not a language Booking Center speaks: give vi, en or am.');
  }, 120_000);

  it('speaks the tenant’s language when neither --lang nor the locale names one, and --lang still wins', async () => {
    // The default tenant of a new install speaks Vietnamese; C.UTF-8 names no language.
    const tenantLanguage = await runChild('scripts/user.ts', ['list'], { ...database.env, LANG: 'C.UTF-8' });
    expect(tenantLanguage.exitCode, tenantLanguage.output).toBe(0);
    expect(tenantLanguage.output).toContain('Chưa có người dùng nào. Hãy thêm admin đầu tiên');

    const chosen = await runChild('scripts/user.ts', ['list', '--lang', 'en'], { ...database.env, LANG: 'C.UTF-8' });
    expect(chosen.exitCode, chosen.output).toBe(0);
    expect(chosen.output).toContain('No users yet. Add the first admin');
  }, 240_000);
});
