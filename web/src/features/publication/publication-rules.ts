/** Pure rules of the publication screens: what a row allows, how a decision and a bulk outcome read. */
import { type PublicationDecision, publicationDecisionNames } from '../../../../contracts/publication.ts';

/** The facts of a listed proposal publication depends on. */
export type PublishableRow = { isSecret: boolean; agreesToPublish: boolean; publicationDecision: PublicationDecision | null };

/** Why a row cannot be published (it may still be marked 不公开), or null. */
export function publishBlocker(row: PublishableRow): string | null {
  if (row.isSecret) return '涉密';
  if (!row.agreesToPublish) return '提案人不同意公开';
  return null;
}

/** Whether a row may be chosen for 批量公开: undecided, not secret, the proposer agrees. */
export function bulkSelectable(row: PublishableRow): boolean {
  return row.publicationDecision === null && publishBlocker(row) === null;
}

/** The name of a decision, or 待决定. */
export function decisionName(decision: PublicationDecision | null): string {
  return decision ? publicationDecisionNames[decision] : '待决定';
}

/** The tag colour of a decision. */
export function decisionColor(decision: PublicationDecision | null): string {
  if (decision === 'published') return 'green';
  if (decision === 'partly_published') return 'cyan';
  if (decision === 'not_published') return 'default';
  return 'gold';
}

/** One line on a bulk publication: 已公开 3 件 · 未公开 1 件（…）. */
export function bulkSummary(result: { published: number; items: { ok: boolean; detail: string | null }[] }): string {
  const failed = result.items.filter((item) => !item.ok);
  if (failed.length === 0) return `已公开 ${result.published} 件`;
  const reasons = [...new Set(failed.map((item) => item.detail ?? '未能公开'))].join('；');
  return `已公开 ${result.published} 件，${failed.length} 件未公开：${reasons}`;
}

/** What the automatic redaction removed, as one line (手机号 2 处、身份证号 1 处), or null. */
export function removedSummary(removed: { kind: string; count: number }[]): string | null {
  const parts = removed.filter((item) => item.count > 0).map((item) => `${item.kind} ${item.count} 处`);
  return parts.length > 0 ? `已自动去除：${parts.join('、')}` : null;
}
