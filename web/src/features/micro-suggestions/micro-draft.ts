/**
 * The fields of a micro-suggestion draft as the form holds them, the diff autosave sends (only what differs from
 * the server's last save), the body of the first save, the length counted against the committee's limit, and
 * what is still missing before it may be submitted. Pure functions: the form and its tests share them.
 */
import type { MicroSuggestion, MicroSuggestionCreate, MicroSuggestionUpdate } from '../../../../contracts/micro-suggestions.ts';
import { MICRO_SUGGESTION_PLACE_MAX, MICRO_SUGGESTION_TITLE_MAX } from '../../../../contracts/micro-suggestions.ts';

/** The form's values. */
export type MicroDraftValues = { title: string; place: string; problem: string; suggestion: string };

/** The field names, in the order the form shows them. */
export const microDraftFields = [
  'title',
  'place',
  'problem',
  'suggestion',
] as const satisfies readonly (keyof MicroDraftValues)[];

/** The committee's limit shown before the draft exists (the server's own limit comes with the first save). */
export const DEFAULT_MICRO_MAX_LENGTH = 500;

/** The values of an empty draft. */
export function emptyMicroDraft(): MicroDraftValues {
  return { title: '', place: '', problem: '', suggestion: '' };
}

/** The form's values of a saved micro-suggestion. */
export function microDraftValuesOf(item: Pick<MicroSuggestion, 'title' | 'place' | 'problem' | 'suggestion'>): MicroDraftValues {
  return { title: item.title, place: item.place, problem: item.problem, suggestion: item.suggestion };
}

/** The values as the server stores them: title and place trimmed, missing fields empty. */
export function normalizeMicroDraft(values: Partial<MicroDraftValues>): MicroDraftValues {
  return {
    title: (values.title ?? '').trim(),
    place: (values.place ?? '').trim(),
    problem: values.problem ?? '',
    suggestion: values.suggestion ?? '',
  };
}

/** The fields that differ from the saved values; a blank title is never sent (the server keeps the last one). */
export function changedMicroFields(saved: MicroDraftValues, current: Partial<MicroDraftValues>): MicroSuggestionUpdate {
  const before = normalizeMicroDraft(saved);
  const now = normalizeMicroDraft(current);
  const changes: MicroSuggestionUpdate = {};
  for (const field of microDraftFields) {
    if (now[field] === before[field]) continue;
    if (field === 'title' && !now.title) continue;
    changes[field] = now[field];
  }
  return changes;
}

/** True when a diff holds anything to send. */
export function hasMicroChanges(changes: MicroSuggestionUpdate): boolean {
  return Object.keys(changes).length > 0;
}

/** The body of the first save, or null while there is no title (a draft is created once it has one). */
export function createMicroBody(values: Partial<MicroDraftValues>): MicroSuggestionCreate | null {
  const draft = normalizeMicroDraft(values);
  if (!draft.title) return null;
  return {
    title: [...draft.title].slice(0, MICRO_SUGGESTION_TITLE_MAX).join(''),
    place: [...draft.place].slice(0, MICRO_SUGGESTION_PLACE_MAX).join(''),
    problem: draft.problem,
    suggestion: draft.suggestion,
  };
}

/** Characters of a text as the server counts them (code points: an emoji or a rare 汉字 counts once). */
export function characterCount(text: string | null | undefined): number {
  return text ? [...text].length : 0;
}

/** The counter under the form: problem + suggestion against the committee's limit. */
export type MicroCounter = { count: number; max: number; over: boolean; remaining: number; near: boolean };

/** The counter of the text; `near` from 90% of the limit on, so the member sees it coming. */
export function microCounter(values: { problem?: string | null; suggestion?: string | null }, max: number): MicroCounter {
  const count = characterCount(values.problem) + characterCount(values.suggestion);
  return { count, max, over: count > max, remaining: max - count, near: count <= max && count >= Math.ceil(max * 0.9) };
}

/** The counter's text: "218 / 500 字", "还可写 12 字" near the limit, "超出 8 字" past it. */
export function microCounterText(counter: MicroCounter): string {
  const base = `问题＋建议 ${counter.count} / ${counter.max} 字`;
  if (counter.over) return `${base}，超出 ${-counter.remaining} 字，请删减`;
  if (counter.near) return `${base}，还可写 ${counter.remaining} 字`;
  return base;
}

/** The Chinese message of each field still missing before submission. */
const missingMessages: Record<keyof MicroDraftValues, string> = {
  title: '请填写标题',
  place: '请填写地点（街道或社区）',
  problem: '请描述问题',
  suggestion: '请填写建议',
};

/** Fields that must be filled before submitting, each with its message (empty: ready). */
export function missingForSubmit(values: Partial<MicroDraftValues>): { name: keyof MicroDraftValues; message: string }[] {
  const draft = normalizeMicroDraft(values);
  return microDraftFields
    .filter((field) => !draft[field].trim())
    .map((field) => ({ name: field, message: missingMessages[field] }));
}
