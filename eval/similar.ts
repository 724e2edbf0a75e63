/** Placeholder until the similar evaluation lands in this session. */
export async function run(_options: Record<string, string[]>): Promise<Record<string, number | string>> {
  throw new Error('similar evaluation not written yet');
}
