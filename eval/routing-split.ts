/**
 * `npm run eval -- routing-split --messages FILE --train FILE… --out DIR`: holds out a test part of the labelled
 * messages (40%, chosen by a hash of each id, so the split never changes) as DIR/test.jsonl, and writes each train
 * file to DIR without the rows whose title or body also appears in the test part (the files overlap; spaces are
 * ignored when comparing, so a copy that differs only in white space is dropped too). Prints the split's counts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readCsv, readJsonLines, type TableRow } from '../server/platform/files/table-file.ts';

/** The share of the messages held out for testing. */
const TEST_SHARE = 0.4;

const compact = (text: string) => text.replace(/\s+/g, '');

function read(path: string): { columns: string[]; rows: TableRow[] } {
  const text = readFileSync(path, 'utf8');
  const file = /\.jsonl?$/i.test(path) ? readJsonLines(text) : readCsv(text);
  if ('failure' in file) throw new Error(`${path}: ${file.failure}`);
  return file;
}

/** True when a message belongs to the held-out test part: the first byte of sha1(id) is in the lowest 40%. */
export function isHeldOut(id: string): boolean {
  return createHash('sha1').update(id).digest()[0] < Math.round(256 * TEST_SHARE);
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function run(options: Record<string, string[]>): Promise<Record<string, number | string>> {
  const [messagesPath] = options.messages ?? [];
  const [out] = options.out ?? [];
  if (!messagesPath || !out || (options.train ?? []).length === 0) {
    throw new Error('routing-split needs --messages FILE, --train FILE… and --out DIR');
  }
  mkdirSync(out, { recursive: true });
  const messages = read(messagesPath).rows;
  const test = messages.filter((row) => isHeldOut(row.cells.get('id') ?? ''));
  const heldTexts = new Set(
    test.flatMap((row) => [compact(row.cells.get('title') ?? ''), compact(row.cells.get('body') ?? '')]).filter(Boolean),
  );
  writeFileSync(join(out, 'test.jsonl'), `${test.map((row) => JSON.stringify(Object.fromEntries(row.cells))).join('\n')}\n`);
  const figures: Record<string, number | string> = { messages: messages.length, test: test.length };
  for (const path of options.train) {
    const file = read(path);
    const kept = file.rows.filter(
      (row) => !['title', 'body'].some((column) => heldTexts.has(compact(row.cells.get(column) ?? '')) && row.cells.get(column)),
    );
    const name = basename(path);
    if (/\.jsonl?$/i.test(path)) {
      writeFileSync(join(out, name), `${kept.map((row) => JSON.stringify(Object.fromEntries(row.cells))).join('\n')}\n`);
    } else {
      const lines = [
        file.columns.join(','),
        ...kept.map((row) => file.columns.map((column) => csvCell(row.cells.get(column) ?? '')).join(',')),
      ];
      writeFileSync(join(out, name), `${lines.join('\n')}\n`);
    }
    figures[`${name}_rows`] = file.rows.length;
    figures[`${name}_dropped`] = file.rows.length - kept.length;
  }
  figures.out = out;
  return figures;
}
