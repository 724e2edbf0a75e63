/** Pure rules of the station screens: month ranges, the calendar's grouping, form bodies. */
import type { DutyDay, Visit, VisitConvertInput, VisitCreateInput } from '../../../../contracts/stations.ts';
import { daysInMonth, isoDate, weekdayIndex } from '../orgs/calendar-grid.ts';

/** A month as the calendar shows it (month from 1). */
export type YearMonth = { year: number; month: number };

/** The month of a date. */
export function monthOf(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** The month `delta` months away. */
export function shiftMonth(value: YearMonth, delta: number): YearMonth {
  const index = value.year * 12 + (value.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The first and last day of a month. */
export function monthRange(value: YearMonth): { from: string; to: string } {
  return {
    from: isoDate(value.year, value.month, 1),
    to: isoDate(value.year, value.month, daysInMonth(value.year, value.month)),
  };
}

/** "2026年3月". */
export function monthLabel(value: YearMonth): string {
  return `${value.year}年${value.month}月`;
}

const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The weekday of a date ("周四"). */
export function weekdayName(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return weekdayNames[weekdayIndex(year, month, day)];
}

/** "3月12日 周四", as the phone list and the cards write a day. */
export function dayLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${weekdayName(date)}`;
}

/** Duty days by date, in date order. */
export function dutyByDate(days: readonly DutyDay[]): Map<string, DutyDay[]> {
  const result = new Map<string, DutyDay[]>();
  for (const day of [...days].sort((a, b) => a.dutyDate.localeCompare(b.dutyDate))) {
    result.set(day.dutyDate, [...(result.get(day.dutyDate) ?? []), day]);
  }
  return result;
}

/** What the visit form holds. */
export type VisitFormValues = {
  stationId?: string;
  visitDate: string;
  visitorName: string;
  visitorPhone?: string;
  visitorCount?: number;
  matter: string;
  memberIds?: string[];
};

/** The body of a new visit from the form (blank phone left out, count 1 by default). */
export function visitBody(values: VisitFormValues): VisitCreateInput {
  const phone = values.visitorPhone?.trim();
  return {
    ...(values.stationId ? { stationId: values.stationId } : {}),
    visitDate: values.visitDate,
    visitorName: values.visitorName.trim(),
    visitorPhone: phone ? phone : null,
    visitorCount: values.visitorCount ?? 1,
    matter: values.matter.trim(),
    memberIds: values.memberIds ?? [],
  };
}

/** Longest title the conversion form proposes from the matter. */
const TITLE_FROM_MATTER = 40;

/**
 * What the "转为微建议" form starts with: a title from the start of the matter, the station as the place, the matter
 * as the problem; the suggestion is the members' to write.
 */
export function convertDefaults(visit: Pick<Visit, 'matter' | 'station'>, stationAddress?: string): VisitConvertInput {
  const firstSentence = visit.matter.split(/[。！？!?\n]/)[0]?.trim() || visit.matter.trim();
  const title = firstSentence.length > TITLE_FROM_MATTER ? `${firstSentence.slice(0, TITLE_FROM_MATTER)}…` : firstSentence;
  return { title, place: stationAddress ?? visit.station.name, problem: visit.matter, suggestion: '' };
}

/** True when a phone number can receive the SMS of the outcome (a mainland mobile; the list shows it masked). */
export function smsReachable(maskedPhone: string | null): boolean {
  return Boolean(maskedPhone && /^1[3-9]\d\*{4}\d{4}$/.test(maskedPhone));
}
