/**
 * `npm run eval -- <routing|similar|search> [options]`: measures routing, similar-item detection and search on a
 * labelled data set through the product's own import, indexing and services, on a fresh in-memory database, and
 * prints one JSON line of figures. With `--min name=value` (repeatable) it exits 1 when a figure is below its target.
 */
import { parseArgs } from 'node:util';

const commands: Record<
  string,
  () => Promise<{ run: (options: Record<string, string[]>) => Promise<Record<string, number | string>> }>
> = {
  routing: () => import('./routing.ts'),
  'routing-split': () => import('./routing-split.ts'),
  similar: () => import('./similar.ts'),
  search: () => import('./search.ts'),
};

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const load = command ? commands[command] : undefined;
  if (!load) {
    console.error(
      'usage: npm run eval -- routing|routing-split|similar|search [--train F…] [--test F] [--messages F] [--out D] [--corpus F] [--pairs F] [--min name=value…]',
    );
    process.exit(2);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      train: { type: 'string', multiple: true },
      test: { type: 'string', multiple: true },
      corpus: { type: 'string', multiple: true },
      pairs: { type: 'string', multiple: true },
      messages: { type: 'string', multiple: true },
      out: { type: 'string', multiple: true },
      min: { type: 'string', multiple: true },
    },
  });
  const options = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? []])) as Record<
    string,
    string[]
  >;
  const figures = await (await load()).run(options);
  console.log(JSON.stringify(figures));
  const failures = (options.min ?? []).flatMap((target) => {
    const [name, wanted] = target.split('=');
    const measured = figures[name];
    return typeof measured === 'number' && measured >= Number(wanted) ? [] : [`${name} ${measured} < ${wanted}`];
  });
  if (failures.length > 0) {
    console.error(`below target: ${failures.join('; ')}`);
    process.exit(1);
  }
  process.exit(0);
}

await main();
