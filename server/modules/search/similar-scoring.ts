import { innerWords, isContentWord, normalizeText, segmentWords } from '../../platform/search/segment.ts';
import { generalIdf } from '../../platform/search/term-weights.ts';

/**
 * Words that frame a proposal or a message rather than say what it is about (关于……的建议, 反映……问题, 请问……何时):
 * left out of key terms on top of the search stop words.
 */
const FORMULA_WORDS: ReadonlySet<string> = new Set([
  '反映',
  '咨询',
  '投诉',
  '举报',
  '请问',
  '请求',
  '恳请',
  '要求',
  '呼吁',
  '强烈',
  '有关',
  '一事',
  '情况',
  '何时',
  '什么',
  '时候',
  '为什么',
  '怎么',
  '怎么办',
  '是否',
  '为何',
  '一下',
  '处理',
  '解决',
  '尽快',
  '推进',
  '推动',
  '完善',
  '提高',
  '促进',
  '意见',
  '对策',
  '思考',
  '措施',
]);

/** A word of the title counts this many times a word of the body. */
const TITLE_BOOST = 3;
/** Keywords the writer chose count like title words. */
const KEYWORD_BOOST = 3;
/** A word found inside a longer word (扩建 in 改扩建) counts this share of the whole. */
const INNER_SHARE = 0.5;
/** Masked or coded names (A3, b12) say little: the same code is on most items of its place. */
const CODE = /^[a-z]{1,2}\d{0,3}$|^\d{1,2}$/;
/** Only the start of a long body is scored: enough to tell the matter, bounded time per candidate. */
const BODY_SCORED = 4000;
/** How many shared terms a result shows. */
const SHARED_TERMS_SHOWN = 8;

/** A word's weight per occurrence: general-language IDF, lowered for codes and single characters. */
function wordWeight(word: string): number {
  const idf = generalIdf(word);
  if (CODE.test(word)) return idf * 0.3;
  if ([...word].length === 1) return idf * 0.5;
  return idf;
}

/** True when a word says what a text is about: not a stop word, not a formula word, not a lone digit or letter. */
export function isKeyWord(word: string): boolean {
  return isContentWord(word) && !FORMULA_WORDS.has(word);
}

/** Inner words by word: the same words recur across candidates, and jieba's search cut is the costly part. */
const innerCache = new Map<string, string[]>();
const INNER_CACHE_SIZE = 50_000;

/** The key words inside a long word, remembered. */
function innerKeyWords(word: string): string[] {
  let known = innerCache.get(word);
  if (!known) {
    if (innerCache.size >= INNER_CACHE_SIZE) innerCache.clear();
    known = innerWords(word).filter(isKeyWord);
    innerCache.set(word, known);
  }
  return known;
}

/** Adds the key words (and their inner words) of segmented text to counts, each occurrence times `boost`. */
function addTerms(vector: Map<string, number>, words: string[], boost: number): void {
  for (const word of words) {
    if (!isKeyWord(word)) continue;
    vector.set(word, (vector.get(word) ?? 0) + boost);
    for (const inner of innerKeyWords(word)) vector.set(inner, (vector.get(inner) ?? 0) + boost * INNER_SHARE);
  }
}

/** Counts to weights: sublinear term frequency (1 + ln tf) times the word's weight. */
function weigh(counts: Map<string, number>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [word, count] of counts) {
    const frequency = count >= 1 ? 1 + Math.log(count) : count;
    weights.set(word, frequency * wordWeight(word));
  }
  return weights;
}

/** A text item as the similarity score sees it. */
export type TextProfile = {
  /** Title, without punctuation and spaces, normalized: equal for the same title. */
  compactTitle: string;
  /** Title and body, compact: equal for the same text. */
  compactText: string;
  hasBody: boolean;
  /** Weighted key terms of the title alone. */
  titleTerms: Map<string, number>;
  /** Weighted key terms of title (boosted), keywords (boosted) and body. */
  allTerms: Map<string, number>;
  /** Character 3-grams of the essential title (bigrams for a title shorter than four characters). */
  titleGrams: Set<string>;
};

/** A text compacted for equality and n-grams: normalized, without punctuation, symbols or spaces. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The title without its framing: a leading 关于 and a trailing 的建议 / 的提案 / 的问题. */
export function essentialTitle(title: string): string {
  return compactText(title)
    .replace(/^关于/, '')
    .replace(/(的)?(建议|提案|问题|意见建议|若干建议)$/, '');
}

/** The set of character n-grams of a compact text (the text itself when shorter than n). */
export function characterGrams(text: string, size: number): Set<string> {
  const characters = [...text];
  const grams = new Set<string>();
  if (characters.length > 0 && characters.length < size) grams.add(text);
  for (let index = 0; index + size <= characters.length; index += 1) {
    grams.add(characters.slice(index, index + size).join(''));
  }
  return grams;
}

/** The profile of a text item: its compact forms, weighted key terms and title n-grams. */
export function profileText(input: { title: string; body?: string; keywords?: string[] }): TextProfile {
  const titleWords = segmentWords(input.title);
  // Segmented words, noise dropped, are the body's compact form: a long body is normalized only once.
  const bodyWords = segmentWords((input.body ?? '').slice(0, BODY_SCORED));
  const titleCounts = new Map<string, number>();
  addTerms(titleCounts, titleWords, 1);
  const allCounts = new Map<string, number>();
  addTerms(allCounts, titleWords, TITLE_BOOST);
  for (const keyword of input.keywords ?? []) addTerms(allCounts, segmentWords(keyword), KEYWORD_BOOST);
  addTerms(allCounts, bodyWords, 1);
  const essential = essentialTitle(input.title);
  const compactTitle = compactText(input.title);
  const compactBody = bodyWords.join('').replace(/[\s\p{P}\p{S}]+/gu, '');
  return {
    compactTitle,
    compactText: `${compactTitle}\u0000${compactBody}`,
    hasBody: compactBody !== '',
    titleTerms: weigh(titleCounts),
    allTerms: weigh(allCounts),
    titleGrams: characterGrams(essential, [...essential].length < 4 ? 2 : 3),
  };
}

/** The most telling terms of a profile, heaviest first (ties by the word), for candidate retrieval. */
export function keyTerms(profile: TextProfile, limit: number): { term: string; weight: number }[] {
  return [...profile.allTerms.entries()]
    .map(([term, weight]) => ({ term, weight }))
    .sort((left, right) => right.weight - left.weight || (left.term < right.term ? -1 : 1))
    .slice(0, limit);
}

/** Cosine of two weighted term vectors: 1 for the same direction, 0 for nothing in common. */
export function cosine(left: Map<string, number>, right: Map<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const [term, weight] of left) {
    leftNorm += weight * weight;
    const other = right.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of right.values()) rightNorm += weight * weight;
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

/** Dice overlap of two sets: 1 for the same set, 0 for nothing in common. */
export function dice(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/** How alike a candidate is to the query (0–1) and the key terms they share, most telling first. */
export function scoreCandidate(query: TextProfile, candidate: TextProfile): { score: number; sharedTerms: string[] } {
  const sharedTerms = [...query.allTerms.entries()]
    .filter(([term]) => candidate.allTerms.has(term))
    .map(([term, weight]) => ({ term, weight: Math.min(weight, candidate.allTerms.get(term) ?? 0) }))
    .sort((left, right) => right.weight - left.weight || (left.term < right.term ? -1 : 1))
    .slice(0, SHARED_TERMS_SHOWN)
    .map((entry) => entry.term);
  if (query.compactTitle !== '' && query.compactText === candidate.compactText) return { score: 1, sharedTerms };
  const titleScore =
    query.compactTitle === candidate.compactTitle && query.compactTitle !== ''
      ? 1
      : 0.5 * cosine(query.titleTerms, candidate.titleTerms) + 0.5 * dice(query.titleGrams, candidate.titleGrams);
  const textScore = cosine(query.allTerms, candidate.allTerms);
  // Two bodies that agree are strong evidence; one title against a whole text is weaker, so it only adds.
  const score =
    query.hasBody && candidate.hasBody
      ? Math.max(0.55 * titleScore + 0.45 * textScore, textScore * 0.95)
      : 0.8 * titleScore + 0.2 * textScore;
  return { score: Math.min(score, 0.999), sharedTerms };
}
