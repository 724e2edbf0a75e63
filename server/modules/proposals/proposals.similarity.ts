import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProposalState, similarProposalSchema, similarQuerySchema } from '../../../contracts/proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden, unprocessable } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { findCurrentSession, loadSession } from '../orgs/orgs.queries.ts';
import { sessions } from '../orgs/orgs.tables.ts';
import { findSimilarItems } from '../search/similar.ts';
import { openableProposalIds } from './proposals.access.ts';
import { canSearchSimilar, privateStates } from './proposals.policy.ts';
import { proposals } from './proposals.tables.ts';

const MAXIMUM_RESULTS = 10;
/** Candidates scored before the read check keeps those the user may open (the similar-item service's own pool). */
const CANDIDATES = 50;

/** The set of adjacent character pairs of a text, ignoring spaces and punctuation (a single character counts alone). */
export function characterBigrams(text: string): Set<string> {
  const characters = [...text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')];
  const bigrams = new Set<string>();
  if (characters.length === 1) bigrams.add(characters[0]);
  for (let index = 0; index + 1 < characters.length; index += 1) bigrams.add(characters[index] + characters[index + 1]);
  return bigrams;
}

/** Dice similarity of two bigram sets: 1 for the same text, 0 for nothing in common. */
export function diceScore(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const bigram of left) if (right.has(bigram)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/** How alike two proposals look: the better of title-to-title and (title + keywords)-to-(title + keywords). */
export function similarity(
  query: { title: string; keywords: string[] },
  candidate: { title: string; keywords: string[] },
): number {
  const titleScore = diceScore(characterBigrams(query.title), characterBigrams(candidate.title));
  const allScore = diceScore(
    characterBigrams([query.title, ...query.keywords].join(' ')),
    characterBigrams([candidate.title, ...candidate.keywords].join(' ')),
  );
  return Math.max(titleScore, allScore);
}

/** States whose proposals never show as similar: not handed in (private to their writers) or withdrawn. */
const HIDDEN_STATES: readonly string[] = [...privateStates, 'withdrawn'];

/**
 * GET /proposals/similar: handed-in proposals of this session and the previous one that look like the given title
 * and keywords, best first, with their score (0–1) and the key words both share. Candidates and scores come from
 * the search module's similar-item service over the committee's index (decision 0009); drafts and proposals being
 * co-signed never show, nor withdrawn ones, nor imported history items — and only proposals the user may open
 * (`openableProposalIds`, the detail route's rule): a member sees their own, the office everything handed in.
 */
export async function findSimilarProposals(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof similarQuerySchema>,
): Promise<z.infer<typeof similarProposalSchema>[]> {
  if (!canSearchSimilar(actor)) throw forbidden('只有委员和提案委工作人员可以查询相似提案');
  const orm = deps.database.orm;
  const session = query.sessionId
    ? await loadSession(orm, actor.orgId, query.sessionId)
    : await findCurrentSession(orm, actor.orgId);
  if (!session) {
    throw unprocessable('尚未设置当前会议，请指定会议', [{ field: 'sessionId', message: '请选择会议' }], 'no_current_session');
  }
  const [previous] = await orm
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.orgId, actor.orgId), lt(sessions.plenaryStartsOn, session.plenaryStartsOn)))
    .orderBy(desc(sessions.plenaryStartsOn))
    .limit(1);
  const found = await findSimilarItems(orm, actor.orgId, {
    title: query.title,
    keywords: (query.keywords ?? '').split(/[,，、;；\s]+/).filter((keyword) => keyword !== ''),
    sessionIds: previous ? [session.id, previous.id] : [session.id],
    types: ['proposal'],
    excludeIds: query.excludeId ? [query.excludeId] : [],
    excludeStates: [...HIDDEN_STATES],
    limit: CANDIDATES,
  });
  const candidates = found.filter((item) => item.type === 'proposal' && item.sessionId !== null && item.state !== null);
  const rows =
    candidates.length === 0
      ? []
      : await orm
          .select()
          .from(proposals)
          .where(
            and(
              eq(proposals.orgId, actor.orgId),
              inArray(
                proposals.id,
                candidates.map((item) => item.id),
              ),
            ),
          );
  const open = await openableProposalIds(orm, actor, rows);
  return candidates
    .filter((item) => open.has(item.id))
    .slice(0, MAXIMUM_RESULTS)
    .map((item) => ({
      id: item.id,
      sessionId: item.sessionId as string,
      number: item.number,
      title: item.title,
      state: item.state as ProposalState,
      score: item.score,
      sharedTerms: item.sharedTerms,
    }));
}
