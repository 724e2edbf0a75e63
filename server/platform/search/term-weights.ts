import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** How rare a word is in general Chinese text: jieba's shipped IDF table (about 270,000 words). */
let table: Map<string, number> | undefined;
let median = 10;

function load(): Map<string, number> {
  if (table) return table;
  const require = createRequire(import.meta.url);
  const path = require.resolve('@node-rs/jieba/idf.txt');
  const loaded = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space <= 0) continue;
    loaded.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  const values = [...loaded.values()].sort((left, right) => left - right);
  median = values[Math.floor(values.length / 2)] ?? median;
  table = loaded;
  return loaded;
}

/**
 * The general-language IDF of a normalized word: high for rare words (魏家坡), low for common ones (问题). A word
 * jieba's table does not know (a new name, a number) gets the table's median; a single character a lower weight.
 */
export function generalIdf(word: string): number {
  const known = load().get(word);
  if (known !== undefined) return known;
  return [...word].length === 1 ? median * 0.6 : median;
}
