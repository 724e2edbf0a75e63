import { toTraditional } from '../i18n/chinese-script.ts';

/** A piece of a snippet: plain text, or a matched word to show highlighted. */
export type SnippetPart = { text: string; hit: boolean };

const CONTEXT = 60;

/**
 * A short excerpt of `text` around the first matched word with every occurrence of the words marked, as parts the
 * UI renders (never HTML). Words are given in Simplified; their Traditional forms match too.
 */
export function buildSnippet(text: string, words: string[], length = CONTEXT * 2): SnippetPart[] {
  const forms = [...new Set(words.flatMap((word) => [word, toTraditional(word)]))]
    .filter((form) => form !== '')
    .sort((left, right) => right.length - left.length);
  const lower = text.toLowerCase();
  let first = -1;
  for (const form of forms) {
    const at = lower.indexOf(form);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(CONTEXT / 2));
  const excerpt = text.slice(start, start + length);
  const parts = markWords(excerpt, forms);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (start + length < text.length) parts.push({ text: '…', hit: false });
  return parts;
}

/** The text split into parts with every occurrence of the forms (longest first) marked as a hit. */
export function markWords(text: string, forms: string[]): SnippetPart[] {
  const lower = text.toLowerCase();
  const parts: SnippetPart[] = [];
  let plainFrom = 0;
  let index = 0;
  while (index < text.length) {
    const form = forms.find((candidate) => lower.startsWith(candidate, index));
    if (!form) {
      index += 1;
      continue;
    }
    if (index > plainFrom) parts.push({ text: text.slice(plainFrom, index), hit: false });
    parts.push({ text: text.slice(index, index + form.length), hit: true });
    index += form.length;
    plainFrom = index;
  }
  if (plainFrom < text.length) parts.push({ text: text.slice(plainFrom), hit: false });
  return parts;
}
