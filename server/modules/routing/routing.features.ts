import { innerWords, isContentWord, normalizeText, segmentWords } from '../../platform/search/segment.ts';

/** Most body characters read: the opening of a letter says what it is about (400 measured as good as 1,500, and faster). */
const MAX_BODY_CHARACTERS = 400;
/** A title word counts this many times a body word: titles name the subject, bodies tell the story. */
const TITLE_WEIGHT = 2;
/** Han characters, Latin letters and digits: what character pairs are made of (punctuation breaks them). */
const TEXT_RUN = /[\p{Script=Han}a-z0-9]+/gu;

/** The raw term counts of an item's text, before IDF weighting: feature name → count. */
export type TermCounts = Map<string, number>;

function add(counts: TermCounts, feature: string, amount: number) {
  counts.set(feature, (counts.get(feature) ?? 0) + amount);
}

/**
 * Adds the words of a text (jieba, content words only, with the shorter words inside long ones as the search index
 * has them: 公交线路 also counts 公交, 线路) and its adjacent character pairs (robust to jieba's cuts).
 */
function addText(counts: TermCounts, text: string, weight: number) {
  if (text === '') return;
  const words = segmentWords(text).filter(isContentWord);
  for (const word of words) {
    add(counts, `w:${word}`, weight);
    for (const inner of innerWords(word)) if (isContentWord(inner)) add(counts, `w:${inner}`, weight);
  }
  for (const run of normalizeText(text).match(TEXT_RUN) ?? []) {
    const characters = [...run];
    for (let index = 0; index + 1 < characters.length; index += 1) {
      add(counts, `c:${characters[index]}${characters[index + 1]}`, weight / 2);
    }
  }
}

/**
 * The features routing learns from (decision 0009): jieba words and Han character pairs of the title (counted
 * double) and of the opening of the body. Traditional and Simplified give the same features.
 */
export function routingTerms(title: string, body: string): TermCounts {
  const counts: TermCounts = new Map();
  addText(counts, title, TITLE_WEIGHT);
  addText(counts, body.slice(0, MAX_BODY_CHARACTERS), 1);
  return counts;
}
