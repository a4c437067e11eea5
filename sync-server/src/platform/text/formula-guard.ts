/**
 * CSV injection (OWASP): a cell that a spreadsheet would run as a formula starts with =, +, -,
 * @, a tab or a carriage return, or their full-width forms (as csv-stringify's escape_formulas
 * lists them). Our CSV files write such a cell with a leading apostrophe; reading one of our
 * own files back takes the apostrophe off again, so an exported file imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell as typed before a CSV writer guarded it: `'=HYPERLINK(…)` reads as `=HYPERLINK(…)`. */
export function removeFormulaGuard(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
