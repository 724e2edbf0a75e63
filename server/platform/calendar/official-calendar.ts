import { readFileSync } from 'node:fs';
import type { CalendarDayRow } from './calendar.ts';
import { formatCalendarCsvError, parseCalendarCsv } from './calendar-csv.ts';

/** The official schedule files shipped with the product (State Council notices), oldest first. */
const OFFICIAL_FILES = ['cn-official-2025-2026.csv'];

let cached: CalendarDayRow[] | undefined;

/**
 * The official mainland holiday schedule (holidays and make-up workdays) every new committee starts with.
 * Read once from `schedules/`; a broken file is a packaging error and fails loudly.
 */
export function officialCalendarDays(): CalendarDayRow[] {
  if (!cached) {
    const rows: CalendarDayRow[] = [];
    for (const file of OFFICIAL_FILES) {
      const parsed = parseCalendarCsv(readFileSync(new URL(`./schedules/${file}`, import.meta.url), 'utf8'));
      if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map(formatCalendarCsvError).join('; ')}`);
      rows.push(...parsed.rows);
    }
    cached = rows;
  }
  return cached.map((row) => ({ ...row }));
}
