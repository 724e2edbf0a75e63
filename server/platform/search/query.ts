import { isContentWord, normalizeText, segmentWords } from './segment.ts';
import { quoteLexeme, tenantLexeme } from './tsvector.ts';

/** A parsed search query: the words to match (each a group that must all appear) and the words to highlight. */
export type ParsedQuery = {
  /**
   * Each part is one user word or quoted phrase, as its words; a phrase must match in order, `distances[i]` apart
   * from word i to word i + 1 (1 = adjacent; more where a stop word, which the index leaves out, stood between).
   */
  parts: { words: string[]; phrase: boolean; distances?: number[] }[];
  /** Every word of the query, for highlighting and for "shared terms". */
  words: string[];
};

/** The content words of a phrase and the distance from each to the next (stop words count as positions). */
function phraseWords(words: string[]): { words: string[]; distances: number[] } {
  const kept: string[] = [];
  const distances: number[] = [];
  let gap = 0;
  for (const word of words) {
    gap += 1;
    if (!isContentWord(word)) continue;
    if (kept.length > 0) distances.push(gap);
    kept.push(word);
    gap = 0;
  }
  return { words: kept, distances };
}

/**
 * Split what the user typed into quoted phrases ("数据 共享" or “数据共享”) and bare words, segmented by jieba.
 * Stop words are left out (the index does not hold them); a part made only of stop words is dropped.
 */
export function parseQuery(text: string): ParsedQuery {
  const parts: ParsedQuery['parts'] = [];
  const pattern = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]|(\S+)/g;
  for (const match of normalizeText(text).matchAll(pattern)) {
    // Inside a phrase, spaces between Chinese characters are only the user's reading aid: "老旧 小区" is 老旧小区.
    const phraseText = match[1]?.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
    const words = segmentWords(phraseText ?? match[2] ?? '');
    if (match[1] !== undefined) {
      const phrase = phraseWords(words);
      if (phrase.words.length > 1) parts.push({ words: phrase.words, phrase: true, distances: phrase.distances });
      else if (phrase.words.length === 1) parts.push({ words: phrase.words, phrase: false });
      continue;
    }
    const kept = words.filter(isContentWord);
    if (kept.length > 0) parts.push({ words: kept, phrase: false });
  }
  return { parts, words: [...new Set(parts.flatMap((part) => part.words))] };
}

/** True when a query has nothing to match (only punctuation or spaces). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.parts.length === 0;
}

/** The `tsquery` literal of a parsed query's words alone (no tenant lexeme): for ranking with `ts_rank`. */
export function buildWordsTsquery(query: ParsedQuery): string {
  return query.parts
    .map((part) => {
      const words = part.words.map(quoteLexeme);
      if (words.length === 1) return words[0];
      if (!part.phrase) return `(${words.join(' & ')})`;
      const joined = words.reduce((text, word, index) => `${text} <${part.distances?.[index - 1] ?? 1}> ${word}`);
      return `(${joined})`;
    })
    .join(' & ');
}

/**
 * The `tsquery` literal of a parsed query for one tenant: every part must match (a phrase as adjacent words
 * `a <-> b`, a bare word's pieces all present), and the tenant lexeme narrows the GIN scan to the tenant.
 */
export function buildTsquery(orgId: string, query: ParsedQuery): string {
  const words = buildWordsTsquery(query);
  const tenant = quoteLexeme(tenantLexeme(orgId));
  return words === '' ? tenant : `${words} & ${tenant}`;
}

/** A `tsquery` literal matching any of the given words in the tenant (candidate retrieval for similar items). */
export function buildAnyWordTsquery(orgId: string, words: string[]): string {
  const alternatives = words.map(quoteLexeme).join(' | ');
  return `(${alternatives}) & ${quoteLexeme(tenantLexeme(orgId))}`;
}
