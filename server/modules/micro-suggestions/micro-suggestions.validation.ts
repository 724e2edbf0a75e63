import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { type FieldError, unprocessable } from '../../platform/http/problem.ts';
import { bodyLength } from './micro-suggestions.queries.ts';
import { microSuggestionCounters } from './micro-suggestions.tables.ts';

/** 422 naming both fields when problem plus suggestion exceed the committee's limit (microSuggestions.maxLength). */
export function assertWithinLimit(text: { problem: string; suggestion: string }, maxLength: number): void {
  const length = bodyLength(text);
  if (length <= maxLength) return;
  const message = `微建议的问题描述与建议合计不能超过 ${maxLength} 个字（现为 ${length} 个）`;
  throw unprocessable(
    message,
    [
      { field: 'problem', message },
      { field: 'suggestion', message },
    ],
    'too_long',
  );
}

/** 422 naming every field a micro-suggestion must have before it is submitted. */
export function assertReadyToSubmit(item: { title: string; place: string; problem: string; suggestion: string }): void {
  const errors: FieldError[] = [];
  if (!item.title.trim()) errors.push({ field: 'title', message: '标题不能为空' });
  if (!item.place.trim()) errors.push({ field: 'place', message: '请填写地点（街道或社区）' });
  if (!item.problem.trim()) errors.push({ field: 'problem', message: '请描述问题' });
  if (!item.suggestion.trim()) errors.push({ field: 'suggestion', message: '请填写建议' });
  if (errors.length > 0) throw unprocessable('微建议内容不完整，不能提交', errors, 'incomplete_micro_suggestion');
}

/** The display form of a year's n-th micro-suggestion: 2026-0012. */
export function formatMicroNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Takes the next number of a year inside the caller's transaction: the counter row is created when missing, locked
 * FOR UPDATE and incremented, so concurrent submissions queue and a rolled-back one gives its number back.
 */
export async function takeNextMicroNumber(
  tx: Transaction,
  orgId: string,
  year: number,
): Promise<{ year: number; sequence: number; number: string }> {
  await tx.insert(microSuggestionCounters).values({ orgId, year, lastNumber: 0 }).onConflictDoNothing();
  const where = and(eq(microSuggestionCounters.orgId, orgId), eq(microSuggestionCounters.year, year));
  const [counter] = await tx.select().from(microSuggestionCounters).where(where).for('update');
  const sequence = counter.lastNumber + 1;
  await tx.update(microSuggestionCounters).set({ lastNumber: sequence }).where(where);
  return { year, sequence, number: formatMicroNumber(year, sequence) };
}
