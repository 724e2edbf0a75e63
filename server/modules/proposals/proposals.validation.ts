import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { type FieldError, unprocessable } from '../../platform/http/problem.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { bodyLength } from './proposals.presenter.ts';

/** Dictionary kinds that may author a collective proposal. */
export const collectiveAuthorKinds = ['party', 'sector', 'group', 'committee'];

/** 422 naming the fields when background plus suggestions exceed the committee's limit. */
export function assertBodyWithinLimit(text: { background: string; suggestions: string }, maxCharacters: number): void {
  const length = bodyLength(text);
  if (length <= maxCharacters) return;
  const message = `情况分析与建议合计不能超过 ${maxCharacters} 个字符（现为 ${length} 个）`;
  throw unprocessable(
    message,
    [
      { field: 'background', message },
      { field: 'suggestions', message },
    ],
    'body_too_long',
  );
}

/** 422 unless the id is an active entry of one of the kinds in the committee's dictionary; returns its name. */
export async function assertDictionaryEntry(
  executor: Executor,
  orgId: string,
  id: string,
  kinds: string[],
  field: string,
  what: string,
): Promise<string> {
  const [entry] = await executor
    .select({ kind: dictionaryEntries.kind, name: dictionaryEntries.name, active: dictionaryEntries.active })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.id, id)));
  if (!entry || !kinds.includes(entry.kind) || !entry.active) {
    throw unprocessable(`${what}不存在或已停用`, [{ field, message: `请选择有效的${what}` }], 'invalid_reference');
  }
  return entry.name;
}

/** 422 naming every field a proposal must have before it is submitted. */
export function assertReadyToSubmit(proposal: {
  title: string;
  background: string;
  suggestions: string;
  agreesToPublish: boolean;
  publicationRefusalReason: string | null;
}): void {
  const errors: FieldError[] = [];
  if (!proposal.title.trim()) errors.push({ field: 'title', message: '案由不能为空' });
  if (!proposal.background.trim()) errors.push({ field: 'background', message: '情况分析不能为空' });
  if (!proposal.suggestions.trim()) errors.push({ field: 'suggestions', message: '建议不能为空' });
  if (!proposal.agreesToPublish && !proposal.publicationRefusalReason?.trim()) {
    errors.push({ field: 'publicationRefusalReason', message: '不同意公开时须说明理由' });
  }
  if (errors.length > 0) throw unprocessable('提案内容不完整，不能提交', errors, 'incomplete_proposal');
}
