/**
 * Cells as planners of each language type them, and the problems each of them reads: the enum
 * labels of every language are accepted as well as the codes, and a refusal speaks the current
 * language, listing what is accepted in it.
 */
import { describe, expect, it } from 'vitest';
import { coerceCell, findTableDefinition, type ColumnDefinition } from '../../sync-server/src/contract/index.js';
import { runInLanguage } from '../../sync-server/src/platform/i18n/request-language.js';
import { describeAcceptedValues } from '../../sync-server/src/modules/imports/problem-report-csv.js';

function columnOf(table: string, name: string): ColumnDefinition {
  const column = findTableDefinition(table)?.columns.find((candidate) => candidate.name === name);
  if (!column) throw new Error(`${table}.${name} is not a column`);
  return column;
}

const campaignStatus = columnOf('campaigns', 'status');
const gender = columnOf('creators', 'gender');
const budget = columnOf('campaigns', 'budget_planned');

const valueOf = (column: ColumnDefinition, raw: string) => {
  const read = coerceCell(column, raw);
  return read.ok ? read.value : `ERROR: ${read.message}`;
};

describe('enum cells typed as labels', () => {
  it('reads a Vietnamese or Amharic label, in any case, as its code, whatever language the request speaks', () => {
    for (const language of ['en', 'vi', 'am'] as const) {
      runInLanguage(language, () => {
        expect(valueOf(gender, 'nữ')).toBe('female');
        expect(valueOf(gender, 'NỮ')).toBe('female');
        expect(valueOf(campaignStatus, 'đang chạy')).toBe('running');
        expect(valueOf(campaignStatus, 'Đang Chạy')).toBe('running');
        expect(valueOf(campaignStatus, 'በሂደት ላይ')).toBe('running');
        expect(valueOf(campaignStatus, 'Running')).toBe('running');
        expect(valueOf(gender, 'female')).toBe('female');
      });
    }
  });

  it('refuses an unknown value listing the labels with their codes in Vietnamese and Amharic, and the codes in English', () => {
    expect(runInLanguage('vi', () => valueOf(campaignStatus, 'xyz'))).toBe(
      'ERROR: Trạng thái “xyz” không hợp lệ; chọn một trong: nháp (draft), đã lên kế hoạch (planned), đang chạy (running), tạm dừng (paused), đã kết thúc (finished), đã huỷ (canceled)',
    );
    expect(runInLanguage('am', () => valueOf(gender, 'robot'))).toBe('ERROR: ጾታ “robot” ትክክል አይደለም፤ ከእነዚህ አንዱን ይምረጡ፦ ሴት (female)፣ ወንድ (male)፣ ሌላ (other)');
    expect(runInLanguage('en', () => valueOf(gender, 'robot'))).toBe("ERROR: gender 'robot' is not one of female, male, other");
  });

  it('says what an enum column accepts in the problem report in the same words', () => {
    expect(runInLanguage('vi', () => describeAcceptedValues(gender))).toBe('một trong: nữ (female), nam (male), khác (other)');
    expect(runInLanguage('en', () => describeAcceptedValues(gender))).toBe('one of female, male, other');
  });
});

describe('cell problems in each language', () => {
  it('says a budget is not a number in the language of the request, naming the column in its words', () => {
    expect(runInLanguage('vi', () => valueOf(budget, 'abc'))).toBe('ERROR: Ngân sách dự kiến “abc” không phải là số (hãy ghi 1500000, 1.500.000 hoặc 1,500,000)');
    expect(runInLanguage('am', () => valueOf(budget, 'abc'))).toBe('ERROR: የታቀደ በጀት “abc” ቁጥር አይደለም (1500000፣ 1.500.000 ወይም 1,500,000 ብለው ይጻፉ)');
    expect(runInLanguage('en', () => valueOf(budget, 'abc'))).toBe("ERROR: budget_planned 'abc' is not a number (write 1500000, 1.500.000 or 1,500,000)");
  });

  it('writes the bounds of a number as the language groups thousands', () => {
    expect(runInLanguage('vi', () => valueOf(budget, '9999999999999999'))).toBe(
      'ERROR: Ngân sách dự kiến “9999999999999999” quá lớn, không lưu được: hãy ghi một số từ 0 đến 999.999.999.999.999',
    );
    expect(runInLanguage('en', () => valueOf(budget, '9999999999999999'))).toBe(
      "ERROR: budget_planned '9999999999999999' is too large to store: write a number from 0 to 999,999,999,999,999",
    );
  });

  it('reads yes and no in Amharic as well', () => {
    const boolean: ColumnDefinition = { name: 'is_primary', type: 'boolean', isRequired: false, label: { en: 'Primary', vi: 'Chính', am: 'ዋና' } };
    expect(valueOf(boolean, 'አዎ')).toBe(true);
    expect(valueOf(boolean, 'አይ')).toBe(false);
  });
});
