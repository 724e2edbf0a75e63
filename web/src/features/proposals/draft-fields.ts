/**
 * The editable fields of a proposal draft, as the editor holds them, and the diff that autosave sends: only the
 * fields that differ from what the server last saved.
 */
import type { Proposal, ProposalCreate, ProposalUpdate } from '../../../../contracts/proposals.ts';

/** The editor's values. */
export type DraftValues = {
  title: string;
  background: string;
  suggestions: string;
  categoryId: string | null;
  keywords: string[];
  agreesToPublish: boolean;
  publicationRefusalReason: string | null;
};

/** The field names, in the order the editor shows them. */
export const draftFieldNames = [
  'title',
  'background',
  'suggestions',
  'categoryId',
  'keywords',
  'agreesToPublish',
  'publicationRefusalReason',
] as const satisfies readonly (keyof DraftValues)[];

/** The values of an empty draft. */
export function emptyDraft(): DraftValues {
  return {
    title: '',
    background: '',
    suggestions: '',
    categoryId: null,
    keywords: [],
    agreesToPublish: true,
    publicationRefusalReason: null,
  };
}

/** The editor's values of a saved proposal. */
export function draftValuesOf(proposal: Proposal): DraftValues {
  return {
    title: proposal.title,
    background: proposal.background,
    suggestions: proposal.suggestions,
    categoryId: proposal.categoryId,
    keywords: [...proposal.keywords],
    agreesToPublish: proposal.agreesToPublish,
    publicationRefusalReason: proposal.publicationRefusalReason,
  };
}

/**
 * The values as the server stores them: the title and the refusal reason trimmed (a blank reason is null,
 * and none is kept while publication is agreed), keywords trimmed, blank ones and repeats left out.
 */
export function normalizeDraft(values: Partial<DraftValues>): DraftValues {
  const base = { ...emptyDraft(), ...values };
  const keywords: string[] = [];
  for (const keyword of base.keywords ?? []) {
    const word = keyword.trim();
    if (word && !keywords.includes(word)) keywords.push(word);
  }
  const agrees = base.agreesToPublish !== false;
  const reason = agrees ? null : base.publicationRefusalReason?.trim() || null;
  return {
    title: (base.title ?? '').trim(),
    background: base.background ?? '',
    suggestions: base.suggestions ?? '',
    categoryId: base.categoryId ?? null,
    keywords,
    agreesToPublish: agrees,
    publicationRefusalReason: reason,
  };
}

function sameValue(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => item === right[index]);
  }
  return left === right;
}

/**
 * The fields of `current` that differ from `saved` (both normalized), for a PATCH. An empty title is left out:
 * the server refuses it, and the last saved title stays until the user writes a new one.
 */
export function changedDraftFields(saved: DraftValues, current: Partial<DraftValues>): ProposalUpdate {
  const before = normalizeDraft(saved);
  const after = normalizeDraft(current);
  const changes: Record<string, unknown> = {};
  for (const name of draftFieldNames) {
    if (name === 'title' && after.title === '') continue;
    if (!sameValue(before[name], after[name])) changes[name] = after[name];
  }
  return changes as ProposalUpdate;
}

/** True when nothing differs. */
export function hasChanges(changes: ProposalUpdate): boolean {
  return Object.keys(changes).length > 0;
}

/** The body that creates a draft from the editor's values (null while there is no title to create it with). */
export function createBody(values: Partial<DraftValues>): ProposalCreate | null {
  const draft = normalizeDraft(values);
  if (!draft.title) return null;
  return { ...draft };
}

/** The saved values after a PATCH of `changes` succeeded: the old saved values with the changes applied. */
export function applyChanges(saved: DraftValues, changes: ProposalUpdate): DraftValues {
  return normalizeDraft({ ...saved, ...(changes as Partial<DraftValues>) });
}
