import { innerWords, isContentWord, segmentWords } from './segment.ts';

/** Where a word comes from, as a tsvector weight: A title (ranks highest), B body, C replies and other text. */
export type FieldWeight = 'A' | 'B' | 'C';

/** PostgreSQL keeps at most this many positions per lexeme and positions up to 16383. */
const MAX_POSITIONS_PER_WORD = 256;
const MAX_POSITION = 16_383;

/** A lexeme quoted for a tsvector or tsquery literal (quotes doubled, backslashes escaped). */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The lexeme that scopes every document to its tenant, so that the GIN index alone answers a tenant's query. */
export function tenantLexeme(orgId: string): string {
  return `~o${orgId.replace(/-/g, '')}`;
}

/**
 * The literal of a `tsvector` ('simple' configuration) for the fields of a text item: each word at its position in
 * reading order with its field's weight, the words inside long words at the same position (so 数据 finds
 * 数据共享 and a quoted phrase still matches adjacent words), stop words left out, plus the tenant lexeme.
 */
export function buildTsvector(orgId: string, fields: { text: string; weight: FieldWeight }[]): string {
  const positions = new Map<string, string[]>();
  const add = (word: string, position: number, weight: FieldWeight) => {
    const list = positions.get(word) ?? [];
    if (list.length < MAX_POSITIONS_PER_WORD) list.push(`${position}${weight === 'C' ? 'C' : weight}`);
    positions.set(word, list);
  };
  let position = 0;
  for (const field of fields) {
    for (const word of segmentWords(field.text)) {
      position = Math.min(position + 1, MAX_POSITION);
      if (!isContentWord(word)) continue;
      add(word, position, field.weight);
      for (const inner of innerWords(word)) if (isContentWord(inner)) add(inner, position, field.weight);
    }
    position = Math.min(position + 1, MAX_POSITION);
  }
  const lexemes = [...positions.entries()].map(([word, list]) => `${quoteLexeme(word)}:${list.join(',')}`);
  lexemes.push(quoteLexeme(tenantLexeme(orgId)));
  return lexemes.join(' ');
}
