/** Placeholder until the search evaluation lands in this session. */
export async function run(_options: Record<string, string[]>): Promise<Record<string, number | string>> {
  throw new Error('search evaluation not written yet');
}
