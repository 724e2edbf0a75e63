import { isContentWord, normalizeText, segmentWords } from './segment.ts';
import { quoteLexeme, tenantLexeme } from './tsvector.ts';

/** A parsed search query: the words to match (each a group that must all appear) and the words to highlight. */
export type ParsedQuery = {
  /** Each part is one user word or quoted phrase, as its words; a phrase must match adjacently. */
  parts: { words: string[]; phrase: boolean }[];
  /** Every word of the query, for highlighting and for "shared terms". */
  words: string[];
};

/** Split what the user typed into quoted phrases ("数据 共享" or “数据共享”) and bare words, segmented by jieba. */
export function parseQuery(text: string): ParsedQuery {
  const parts: ParsedQuery['parts'] = [];
  const pattern = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]|(\S+)/g;
  for (const match of normalizeText(text).matchAll(pattern)) {
    const phrase = match[1] !== undefined;
    const words = segmentWords(match[1] ?? match[2] ?? '');
    const kept = phrase ? words : words.filter(isContentWord);
    const chosen = kept.length > 0 ? kept : words;
    if (chosen.length > 0) parts.push({ words: chosen, phrase: phrase && chosen.length > 1 });
  }
  return { parts, words: [...new Set(parts.flatMap((part) => part.words))] };
}

/** True when a query has nothing to match (only punctuation or spaces). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.parts.length === 0;
}

/**
 * The `tsquery` literal of a parsed query for one tenant: every part must match (a phrase as adjacent words
 * `a <-> b`, a bare word's pieces all present), and the tenant lexeme narrows the GIN scan to the tenant.
 */
export function buildTsquery(orgId: string, query: ParsedQuery): string {
  const groups = query.parts.map((part) => {
    const words = part.words.map(quoteLexeme);
    return words.length === 1 ? words[0] : `(${words.join(part.phrase ? ' <-> ' : ' & ')})`;
  });
  return [...groups, quoteLexeme(tenantLexeme(orgId))].join(' & ');
}

/** A `tsquery` literal matching any of the given words in the tenant (candidate retrieval for similar items). */
export function buildAnyWordTsquery(orgId: string, words: string[]): string {
  const alternatives = words.map(quoteLexeme).join(' | ');
  return `(${alternatives}) & ${quoteLexeme(tenantLexeme(orgId))}`;
}
