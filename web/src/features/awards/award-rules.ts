/** The rules of the awards screen: the years offered, the request body, what an award names, the counts per kind. */
import type { Award, AwardKind } from '../../../../contracts/awards.ts';

/** Proposal states an excellent proposal may be chosen from: filed and later (archived included). */
export const awardableProposalStates: readonly string[] = ['filed', 'assigned', 'replied', 'rehandling', 'closed', 'archived'];

/** The years to choose from: this year back `span` years, plus any year that already has awards, newest first. */
export function yearOptions(currentYear: number, awardYears: readonly number[] = [], span = 5): number[] {
  const years = new Set<number>(awardYears);
  for (let year = currentYear; year > currentYear - span; year -= 1) years.add(year);
  return [...years].filter((year) => year >= 2000 && year <= 2100).sort((a, b) => b - a);
}

/** The year the awards screen opens on: the newest year with awards not after this one, else this year. */
export function defaultAwardYear(currentYear: number, awardYears: readonly number[]): number {
  const past = awardYears.filter((year) => year <= currentYear);
  return past.length > 0 ? Math.max(...past) : currentYear;
}

/** The year in China now (awards are given per calendar year). */
export function currentYearInChina(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/** What the grant form holds. */
export type AwardValues = {
  year: number;
  kind: AwardKind;
  proposalId?: string | null;
  unitId?: string | null;
  citation?: string;
};

/** The body of POST /awards: the proposal for an excellent proposal, the unit for a model unit, the citation trimmed. */
export function awardBody(values: AwardValues) {
  const citation = values.citation?.trim();
  return {
    year: values.year,
    kind: values.kind,
    ...(values.kind === 'excellent_proposal'
      ? { proposalId: values.proposalId ?? undefined }
      : { unitId: values.unitId ?? undefined }),
    ...(citation ? { citation } : {}),
  };
}

/** What the award is for: the proposal (with its number) or the unit. */
export function awardSubject(award: Pick<Award, 'kind' | 'proposalNumber' | 'proposalTitle' | 'unitName'>): string {
  if (award.kind === 'excellent_proposal') {
    const title = award.proposalTitle ?? '（提案已不存在）';
    return award.proposalNumber ? `${award.proposalNumber} ${title}` : title;
  }
  return award.unitName ?? '（单位已不存在）';
}

/** The number of awards of each kind. */
export function countByKind(awards: readonly Pick<Award, 'kind'>[]): Record<AwardKind, number> {
  const counts: Record<AwardKind, number> = { excellent_proposal: 0, model_unit: 0 };
  for (const award of awards) counts[award.kind] += 1;
  return counts;
}
