/**
 * The value every Excel export writes into a cell. Text that a spreadsheet could take for a formula (it starts
 * with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so that a title typed by a user such as
 * `=HYPERLINK(...)` stays text when the file is opened, edited or saved as CSV (formula injection).
 */

/** A value of an exported cell. */
export type ExcelCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell value to write: formula-looking text with a leading apostrophe, everything else as it is. */
export function excelCellValue<Value extends ExcelCell | undefined>(value: Value): Value {
  return (typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value) as Value;
}
