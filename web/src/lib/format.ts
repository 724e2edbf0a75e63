/** Formatting of dates, times and numbers as Chinese government offices write them. */

/** The time zone business dates and times are shown in. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The parts of an instant in the display time zone. */
function partsOf(date: Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const parts: Record<string, string> = {};
  for (const part of dateParts.formatToParts(date)) parts[part.type] = part.value;
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return { year: parts.year, month: String(Number(parts.month)), day: String(Number(parts.day)), hour, minute: parts.minute };
}

/** A Date from an ISO instant, a business date (YYYY-MM-DD, read as that calendar day) or a Date; null if invalid. */
function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const businessDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Noon in Shanghai is the same calendar day everywhere the date is shown.
  const date = businessDate ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026年11月22日"; "—" when empty or invalid. */
export function formatDate(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '—';
  const parts = partsOf(date);
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** "2026年11月22日 08:05"; "—" when empty or invalid. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '—';
  const parts = partsOf(date);
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** "08:05" in the display time zone. */
export function formatTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '—';
  const parts = partsOf(date);
  return `${parts.hour}:${parts.minute}`;
}

/** "1,234" with Chinese grouping. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat('zh-CN').format(value);
}

/** "85.7%" of a numerator and denominator; "—" when the denominator is zero. */
export function formatRate(numerator: number, denominator: number, digits = 1): string {
  if (!denominator) return '—';
  return `${((numerator / denominator) * 100).toFixed(digits)}%`;
}

/** A greeting by the hour in the display time zone: 上午好 / 下午好 / 晚上好. */
export function greetingFor(now: Date = new Date()): string {
  const hour = Number(partsOf(now).hour);
  if (hour < 5) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
