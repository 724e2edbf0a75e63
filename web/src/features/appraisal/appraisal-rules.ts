/**
 * The rules the appraisal screens show (the server checks them again): state colours and action names, the score
 * form's checks and total, the codes of the criteria the office names, and who sees the results.
 */
import type { Appraisal, AppraisalAction } from '../../../../contracts/appraisal.ts';
import type { Role } from '../../../../contracts/roles.ts';

/** A criterion of the score form. */
export type Criterion = { key: string; name: string; max: number };

/** The tag colour of a state. */
export function appraisalStateColor(state: string): string {
  if (state === 'open') return 'processing';
  if (state === 'closed') return 'orange';
  if (state === 'published') return 'green';
  return 'default';
}

/** The names of the office's moves, and what the confirmation says of each. */
export const appraisalActionTexts: Record<AppraisalAction, { label: string; confirm: string; done: string }> = {
  open: {
    label: '开始评分',
    confirm: '开始后参评单位即按评议范围确定，常委可以评分。',
    done: '已开始评分',
  },
  close: { label: '结束评分', confirm: '结束后常委不能再评分或修改。', done: '已结束评分' },
  publish: { label: '公布结果', confirm: '公布后所有登录用户和门户网站都能看到评议结果。', done: '评议结果已公布' },
};

/** The moves the server offers on the appraisal, in workflow order. */
export function offeredAppraisalActions(item: Pick<Appraisal, 'actions'>): AppraisalAction[] {
  return (['open', 'close', 'publish'] as const).filter((action) => item.actions.some((offered) => offered.action === action));
}

/** The names of the scopes. */
export const scopeNames: Record<Appraisal['scope'], string> = { key: '重点提案承办单位', all: '全部承办单位' };

/** The highest total of the form. */
export function maxTotal(criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, criterion) => sum + criterion.max, 0);
}

/** The total of a (possibly incomplete) form. */
export function scoreTotal(criteria: readonly Criterion[], scores: Record<string, number | null | undefined>): number {
  return criteria.reduce((sum, criterion) => sum + (scores[criterion.key] ?? 0), 0);
}

/** What is wrong with a form: every criterion scored with a whole number within 0..max (the server's checks). */
export function scoreFormProblems(criteria: readonly Criterion[], scores: Record<string, number | null | undefined>): string[] {
  const problems: string[] = [];
  for (const criterion of criteria) {
    const value = scores[criterion.key];
    if (value === undefined || value === null) problems.push(`请为“${criterion.name}”打分`);
    else if (!Number.isInteger(value)) problems.push(`“${criterion.name}”应为整数`);
    else if (value < 0 || value > criterion.max) problems.push(`“${criterion.name}”应在 0 到 ${criterion.max} 分之间`);
  }
  return problems;
}

/** The body of POST /appraisals/{id}/scores: the criteria's scores only, the comment trimmed or left out. */
export function scoreBody(
  unitId: string,
  criteria: readonly Criterion[],
  values: Record<string, number | null | undefined>,
  comment?: string,
) {
  const scores = Object.fromEntries(criteria.map((criterion) => [criterion.key, values[criterion.key] ?? 0]));
  const trimmed = comment?.trim();
  return { unitId, scores, ...(trimmed ? { comment: trimmed } : {}) };
}

/** How far the member is: units scored of units to score. */
export function scoringProgress(units: readonly { myTotal: number | null }[]): { scored: number; total: number } {
  return { scored: units.filter((unit) => unit.myTotal !== null).length, total: units.length };
}

/** The n-th letter code (a, b, …, z, aa, ab, …): criterion codes may hold only lower-case letters and _. */
function letters(index: number): string {
  let text = '';
  let rest = index;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return text;
}

const KEY_PATTERN = /^[a-z_]+$/;

/**
 * The criteria as the server takes them: names trimmed; a row keeps its code when valid and not taken, else gets
 * a fresh one (criterion_a, criterion_b, …), so the office names criteria without inventing codes.
 */
export function criteriaBody(rows: readonly { key?: string; name: string; max: number }[]): Criterion[] {
  const taken = new Set<string>();
  const kept = rows.map((row) => {
    const key = row.key?.trim() ?? '';
    if (KEY_PATTERN.test(key) && key.length <= 32 && !taken.has(key)) {
      taken.add(key);
      return key;
    }
    return null;
  });
  let next = 0;
  return rows.map((row, index) => {
    let key = kept[index];
    while (!key) {
      const candidate = `criterion_${letters(next++)}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        key = candidate;
      }
    }
    return { key, name: row.name.trim(), max: row.max };
  });
}

/** Whether the user sees an appraisal's results now: the office, leaders and supervisors always; others once published. */
export function canSeeResults(roles: readonly Role[], state: string): boolean {
  if (state === 'published') return true;
  return roles.some((role) => role === 'proposal_office' || role === 'leader' || role === 'supervisor');
}

/** Whether to offer the score form: the appraisal is open and the user is a member (the server checks 常委). */
export function mayScore(roles: readonly Role[], state: string): boolean {
  return state === 'open' && roles.includes('member');
}

/** The text of a unit's average: the score, or why there is none yet. */
export function averageText(row: { valid: boolean; average: number | null; scorers: number }, minScores: number): string {
  if (row.valid && row.average !== null) return row.average.toFixed(1);
  return `评分人数不足（${row.scorers}/${minScores}）`;
}
