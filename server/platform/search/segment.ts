import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toSimplified } from '../i18n/chinese-script.ts';

const jieba = Jieba.withDict(dict);

/** A token made only of punctuation, symbols or spaces carries no meaning for search. */
const NOISE = /^[\p{P}\p{S}\s]+$/u;

/** Words that occur in nearly every item (关于……的建议) and only dilute scores and queries. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '在',
  '是',
  '对',
  '为',
  '将',
  '把',
  '被',
  '从',
  '等',
  '中',
  '上',
  '下',
  '也',
  '都',
  '有',
  '就',
  '要',
  '能',
  '会',
  '可',
  '以',
  '于',
  '并',
  '而',
  '其',
  '这',
  '那',
  '之',
  '个',
  '我',
  '你',
  '他',
  '们',
  '关于',
  '建议',
  '提案',
  '问题',
  '请',
  '希望',
  '能否',
  '如何',
  '一个',
  '进一步',
  '加强',
  '进行',
  '工作',
  '相关',
  '您好',
  '你好',
  '尊敬',
  '领导',
  '谢谢',
  '我们',
  '他们',
  '没有',
  '什么',
  '可以',
  '已经',
  '因为',
  '所以',
  '但是',
]);

/**
 * The form every text is searched in: Traditional folded to Simplified (數據 → 数据), full-width letters and digits
 * to half-width (Ａ３ → A3, NFKC), lower case.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

/** The words of a normalized text in reading order (jieba's precise mode with HMM for new words), noise dropped. */
function cutNormalized(normalized: string): string[] {
  return jieba
    .cut(normalized, true)
    .map((word) => word.trim())
    .filter((word) => word !== '' && !NOISE.test(word));
}

/** The words of a text in reading order, after normalizing it (precise mode: 数据共享 stays one word). */
export function segmentWords(text: string): string[] {
  return cutNormalized(normalizeText(text));
}

/**
 * The shorter dictionary words inside a long word (数据共享 → 数据, 共享), which an index also holds so that a
 * query for the part finds the whole. Empty for words of two characters or fewer.
 */
export function innerWords(word: string): string[] {
  if ([...word].length <= 2) return [];
  return jieba
    .cutForSearch(word, true)
    .map((part) => part.trim())
    .filter((part) => part !== word && part !== '' && !NOISE.test(part));
}

/** A word worth indexing or querying: not a stop word. Numbers and Latin words stay (A3, 5g, 2026). */
export function isContentWord(word: string): boolean {
  return !STOP_WORDS.has(word);
}
