/** The proposal body's length as the committee counts it: background plus suggestions, in characters. */

/** The number of characters of a text (code points, so an emoji or a rare 汉字 counts once, as the server counts). */
export function characterCount(text: string | null | undefined): number {
  return text ? [...text].length : 0;
}

/** The counted length of the body: 情况分析 plus 建议. */
export function bodyCharacterCount(body: { background?: string | null; suggestions?: string | null }): number {
  return characterCount(body.background) + characterCount(body.suggestions);
}

/** What the counter under the editor shows: the count, the limit, whether it is over and by how much. */
export type BodyCounter = { count: number; max: number; over: boolean; remaining: number };

/** The counter of a body against the committee's limit. */
export function bodyCounter(body: { background?: string | null; suggestions?: string | null }, max: number): BodyCounter {
  const count = bodyCharacterCount(body);
  return { count, max, over: count > max, remaining: max - count };
}
