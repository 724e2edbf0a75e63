/** The checks of one score form against the criteria: every criterion scored, within 0..max, nothing else. */
export function scoreProblems(
  criteria: readonly { key: string; name: string; max: number }[],
  scores: Record<string, number>,
): string[] {
  const problems: string[] = [];
  for (const criterion of criteria) {
    const value = scores[criterion.key];
    if (value === undefined) problems.push(`请为“${criterion.name}”打分`);
    else if (value < 0 || value > criterion.max) problems.push(`“${criterion.name}”应在 0 到 ${criterion.max} 分之间`);
  }
  for (const key of Object.keys(scores)) {
    if (!criteria.some((criterion) => criterion.key === key)) problems.push(`没有评分项“${key}”`);
  }
  return problems;
}

/** One unit's scores as the results read them. */
type UnitScores = { unitId: string; unitName: string; totals: number[]; byCriterion: Record<string, number[]> };

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The results of an appraisal: per unit the scorers, the average total and per criterion (one decimal), valid only
 * with at least `minScores` scorers; valid units ranked by average (ties share a rank), the others unranked.
 */
export function appraisalResults(units: readonly UnitScores[], minScores: number) {
  const rows = units.map((unit) => {
    const valid = unit.totals.length >= minScores;
    const average = (values: number[]) => round1(values.reduce((sum, value) => sum + value, 0) / values.length);
    return {
      unitId: unit.unitId,
      unitName: unit.unitName,
      scorers: unit.totals.length,
      average: valid ? average(unit.totals) : null,
      criteria: valid ? Object.fromEntries(Object.entries(unit.byCriterion).map(([key, values]) => [key, average(values)])) : {},
      valid,
      rank: null as number | null,
    };
  });
  const ranked = rows.filter((row) => row.valid).sort((a, b) => (b.average ?? 0) - (a.average ?? 0));
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    row.rank = previous && previous.average === row.average ? previous.rank : index + 1;
  });
  return [...ranked, ...rows.filter((row) => !row.valid).sort((a, b) => b.scorers - a.scorers)];
}
