/** Placeholder until the routing evaluation lands in this session. */
export async function run(_options: Record<string, string[]>): Promise<Record<string, number | string>> {
  throw new Error('routing evaluation not written yet');
}
