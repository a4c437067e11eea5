/**
 * An in-memory SpreadsheetApp: spreadsheets, sheets and ranges with values, notes, formulas,
 * data validation, protection, frozen rows, hidden columns and conditional formats. Every call
 * on a Sheet or Range is counted per tab, so tests can assert what a sync costs.
 */

export type Cell = string | number | boolean | Date;

export class CallLog {
  readonly counts = new Map<string, number>();
  record(sheet: string, method: string): void {
    const key = `${sheet}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  /** The range of every setValues per tab ("A5:T5"), to see how many rows a sync rewrote. */
  readonly valueWrites = new Map<string, string[]>();
  recordValueWrite(sheet: string, a1: string): void {
    this.valueWrites.set(sheet, [...(this.valueWrites.get(sheet) ?? []), a1]);
  }
  reset(): void {
    this.counts.clear();
    this.valueWrites.clear();
  }
  /** Calls made on one tab, e.g. { 'getValues': 2, 'setValues': 1 }. */
  forSheet(sheet: string): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [key, count] of this.counts) {
      if (key.startsWith(`${sheet}.`)) result[key.slice(sheet.length + 1)] = count;
    }
    return result;
  }
  total(sheet: string): number {
    return Object.values(this.forSheet(sheet)).reduce((sum, count) => sum + count, 0);
  }
}

export type ValidationSpec = { kind: 'list'; values: string[] } | { kind: 'range'; a1: string } | { kind: 'checkbox' } | { kind: 'none' };
type ValidationRecord = ValidationSpec & { allowInvalid: boolean };

class FakeDataValidationBuilder {
  private spec: ValidationSpec = { kind: 'none' };
  private allowInvalid = true;
  requireValueInList(values: string[]): this {
    this.spec = { kind: 'list', values: [...values] };
    return this;
  }
  requireValueInRange(range: FakeRange): this {
    this.spec = { kind: 'range', a1: range.getA1Notation(true) };
    return this;
  }
  requireCheckbox(): this {
    this.spec = { kind: 'checkbox' };
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  build(): ValidationRecord {
    return { ...this.spec, allowInvalid: this.allowInvalid };
  }
}

export type ConditionalRule = { formula: string; background: string; ranges: string[] };
class FakeConditionalFormatBuilder {
  private rule: ConditionalRule = { formula: '', background: '', ranges: [] };
  whenFormulaSatisfied(formula: string): this {
    this.rule.formula = formula;
    return this;
  }
  setBackground(color: string): this {
    this.rule.background = color;
    return this;
  }
  setFontColor(): this {
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.rule.ranges = ranges.map((range) => range.getA1Notation());
    return this;
  }
  build(): ConditionalRule {
    return { ...this.rule };
  }
}

export class FakeProtection {
  description = '';
  isWarningOnly = false;
  isRemoved = false;
  constructor(readonly a1: string) {}
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(value: boolean): this {
    this.isWarningOnly = value;
    return this;
  }
  remove(): void {
    this.isRemoved = true;
  }
}

function letterToIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index;
}
function indexToLetter(index: number): string {
  let letters = '';
  let rest = index;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    /** An open-ended column range (A2:A): grows with the sheet. */
    readonly isOpenEnded = false,
  ) {}

  private log(method: string): void {
    this.sheet.log.record(this.sheet.name, method);
  }
  private rows(): number {
    return this.isOpenEnded ? Math.max(this.sheet.getMaxRows() - this.row + 1, 0) : this.numRows;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.rows();
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getA1Notation(withSheet = false): string {
    const start = `${indexToLetter(this.column)}${this.row}`;
    const end = this.isOpenEnded ? indexToLetter(this.column + this.numColumns - 1) : `${indexToLetter(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    const a1 = `${start}:${end}`;
    return withSheet ? `'${this.sheet.name}'!${a1}` : a1;
  }
  private read<T>(grid: T[][], empty: T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows(); r += 1) {
      const row: T[] = [];
      for (let c = 0; c < this.numColumns; c += 1) row.push(grid[this.row - 1 + r]?.[this.column - 1 + c] ?? empty);
      out.push(row);
    }
    return out;
  }
  private write<T>(grid: T[][], values: T[][], empty: T, what: string): void {
    if (values.length !== this.numRows || values.some((row) => row.length !== this.numColumns)) {
      throw new Error(`The number of rows or columns in the data does not match the range (${what} ${values.length}x${values[0]?.length ?? 0} into ${this.numRows}x${this.numColumns})`);
    }
    for (let r = 0; r < this.numRows; r += 1) {
      const target = (grid[this.row - 1 + r] ??= []);
      for (let c = 0; c < this.numColumns; c += 1) {
        while (target.length < this.column - 1 + c) target.push(empty);
        target[this.column - 1 + c] = values[r]?.[c] ?? empty;
      }
    }
  }
  getValues(): Cell[][] {
    this.log('getValues');
    return this.read(this.sheet.values, '' as Cell).map((row) => row.map((cell) => (cell instanceof Date ? new Date(cell.getTime()) : cell)));
  }
  getDisplayValues(): string[][] {
    this.log('getDisplayValues');
    return this.read(this.sheet.values, '' as Cell).map((row) => row.map(String));
  }
  setValues(values: Cell[][]): this {
    this.log('setValues');
    this.sheet.log.recordValueWrite(this.sheet.name, this.getA1Notation());
    const plain: Cell[][] = values.map((row) => row.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? cell : cell)));
    this.write(this.sheet.values, plain, '' as Cell, 'setValues');
    // A formula written back stays a formula; a value clears the formula.
    const formulas = values.map((row) => row.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? cell : '')));
    this.write(this.sheet.formulas, formulas, '', 'setValues');
    return this;
  }
  setValue(value: Cell): this {
    this.log('setValue');
    const target = (this.sheet.values[this.row - 1] ??= []);
    target[this.column - 1] = value;
    return this;
  }
  getNotes(): string[][] {
    this.log('getNotes');
    return this.read(this.sheet.notes, '');
  }
  setNotes(notes: string[][]): this {
    this.log('setNotes');
    this.write(this.sheet.notes, notes, '', 'setNotes');
    return this;
  }
  setNote(note: string): this {
    this.log('setNote');
    (this.sheet.notes[this.row - 1] ??= [])[this.column - 1] = note;
    return this;
  }
  getFormulas(): string[][] {
    this.log('getFormulas');
    return this.read(this.sheet.formulas, '');
  }
  setNumberFormat(format: string): this {
    this.log('setNumberFormat');
    for (let c = 0; c < this.numColumns; c += 1) this.sheet.numberFormats.set(this.column + c, format);
    return this;
  }
  setDataValidation(rule: ValidationRecord): this {
    this.log('setDataValidation');
    for (let c = 0; c < this.numColumns; c += 1) this.sheet.validations.set(this.column + c, rule);
    return this;
  }
  setBackground(color: string): this {
    this.log('setBackground');
    for (let c = 0; c < this.numColumns; c += 1) this.sheet.backgrounds.set(`${this.row}:${this.column + c}`, color);
    return this;
  }
  setFontColor(): this {
    this.log('setFontColor');
    return this;
  }
  setFontWeight(): this {
    this.log('setFontWeight');
    return this;
  }
  protect(): FakeProtection {
    this.log('protect');
    const protection = new FakeProtection(this.getA1Notation());
    this.sheet.protections.push(protection);
    return protection;
  }
}

export class FakeSheet {
  values: Cell[][] = [];
  notes: string[][] = [];
  formulas: string[][] = [];
  frozenRows = 0;
  readonly hiddenColumns = new Set<number>();
  readonly numberFormats = new Map<number, string>();
  readonly validations = new Map<number, ValidationRecord>();
  readonly backgrounds = new Map<string, string>();
  protections: FakeProtection[] = [];
  conditionalRules: ConditionalRule[] = [];
  /** The selected cell (row, column), 1-based. */
  activeCell: [number, number] = [1, 1];

  constructor(
    public name: string,
    readonly parent: FakeSpreadsheet,
    readonly log: CallLog,
  ) {}

  getName(): string {
    return this.name;
  }
  getParent(): FakeSpreadsheet {
    return this.parent;
  }
  getLastRow(): number {
    this.log.record(this.name, 'getLastRow');
    return this.lastRow();
  }
  getLastColumn(): number {
    this.log.record(this.name, 'getLastColumn');
    return this.lastColumn();
  }
  getMaxRows(): number {
    return Math.max(this.lastRow(), 1000);
  }
  private lastRow(): number {
    for (let r = this.values.length; r > 0; r -= 1) if ((this.values[r - 1] ?? []).some((cell) => cell !== '' && cell !== null)) return r;
    return 0;
  }
  private lastColumn(): number {
    let last = 0;
    for (const row of this.values) for (let c = row.length; c > last; c -= 1) if (row[c - 1] !== '' && row[c - 1] !== null) last = Math.max(last, c);
    return last;
  }
  getDataRange(): FakeRange {
    this.log.record(this.name, 'getDataRange');
    return new FakeRange(this, 1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastColumn(), 1));
  }
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.log.record(this.name, 'getRange');
    if (typeof rowOrA1 === 'number') return new FakeRange(this, rowOrA1, column ?? 1, numRows, numColumns);
    return parseA1(this, rowOrA1);
  }
  getActiveRange(): FakeRange {
    return new FakeRange(this, this.activeCell[0], this.activeCell[1], 1, 1);
  }
  setFrozenRows(rows: number): void {
    this.log.record(this.name, 'setFrozenRows');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  hideColumns(column: number, count = 1): void {
    this.log.record(this.name, 'hideColumns');
    for (let c = 0; c < count; c += 1) this.hiddenColumns.add(column + c);
  }
  getProtections(): FakeProtection[] {
    this.log.record(this.name, 'getProtections');
    this.protections = this.protections.filter((protection) => !protection.isRemoved);
    return [...this.protections];
  }
  setConditionalFormatRules(rules: ConditionalRule[]): void {
    this.log.record(this.name, 'setConditionalFormatRules');
    this.conditionalRules = rules;
  }
  getConditionalFormatRules(): ConditionalRule[] {
    return this.conditionalRules;
  }
  /** Test helper: the grid as a planner sees it (trailing blanks trimmed). */
  snapshot(): Cell[][] {
    return this.values.slice(0, this.lastRow()).map((row) => {
      const copy = row.slice(0, this.lastColumn());
      while (copy.length < this.lastColumn()) copy.push('');
      return copy;
    });
  }
}

function parseA1(sheet: FakeSheet, a1: string): FakeRange {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+)?)?$/i.exec(a1.trim());
  if (!match) throw new Error(`Unsupported A1 notation in the fake: ${a1}`);
  const [, startCol = 'A', startRow = '1', endCol, endRow] = match;
  const column = letterToIndex(startCol);
  const row = Number(startRow);
  const lastColumn = endCol ? letterToIndex(endCol) : column;
  if (endCol && endRow === undefined) return new FakeRange(sheet, row, column, 0, lastColumn - column + 1, true);
  return new FakeRange(sheet, row, column, (endRow ? Number(endRow) : row) - row + 1, lastColumn - column + 1);
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: string[] = [];
  active: FakeSheet;
  constructor(
    readonly log: CallLog,
    public locale = 'en_US',
  ) {
    this.active = this.insertSheet('Sheet1');
  }
  getId(): string {
    return 'fake-spreadsheet';
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }
  insertSheet(name: string): FakeSheet {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(name, this, this.log);
    this.sheets.push(sheet);
    return sheet;
  }
  getActiveSheet(): FakeSheet {
    return this.active;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.active = sheet;
    return sheet;
  }
  getRange(a1: string): FakeRange {
    const match = /^'?(.+?)'?!(.+)$/.exec(a1);
    if (!match) return this.active.getRange(a1);
    const sheet = this.getSheetByName((match[1] ?? '').replace(/''/g, "'"));
    if (!sheet) throw new Error(`No sheet in ${a1}`);
    return sheet.getRange(match[2] ?? 'A1');
  }
  toast(message: string): void {
    this.toasts.push(message);
  }
}

export type MenuRecord = { title: string; items: Array<{ caption: string; functionName: string } | 'separator'> };

export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: string[] = [];
  readonly dialogs: Array<{ title: string; html: string }> = [];
  readonly alerts: string[] = [];
  /** What the next prompt() answers. */
  nextPrompt: { button: 'OK' | 'CANCEL'; text: string } = { button: 'CANCEL', text: '' };
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

  createMenu(title: string) {
    const record: MenuRecord = { title, items: [] };
    const builder = {
      addItem: (caption: string, functionName: string) => {
        record.items.push({ caption, functionName });
        return builder;
      },
      addSeparator: () => {
        record.items.push('separator');
        return builder;
      },
      addToUi: () => {
        this.menus.push(record);
      },
    };
    return builder;
  }
  showSidebar(output: { getContent(): string }): void {
    this.sidebars.push(output.getContent());
  }
  showModalDialog(output: { getContent(): string }, title: string): void {
    this.dialogs.push({ title, html: output.getContent() });
  }
  alert(message: string): string {
    this.alerts.push(message);
    return 'OK';
  }
  prompt(_title: string, _prompt?: string) {
    const answer = this.nextPrompt;
    return { getSelectedButton: () => answer.button, getResponseText: () => answer.text };
  }
}

export function createSpreadsheetApp(spreadsheet: FakeSpreadsheet, ui: FakeUi) {
  return {
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getUi: () => ui,
    newDataValidation: () => new FakeDataValidationBuilder(),
    newConditionalFormatRule: () => new FakeConditionalFormatBuilder(),
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    flush: () => undefined,
  };
}
