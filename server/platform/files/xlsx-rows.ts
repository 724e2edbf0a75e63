import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { badRequest, Problem } from '../http/problem.ts';
import { endOfEntries, listZipEntries, storedEntryHeader, unpackEntry, type ZipEntry, ZipError } from './zip-archive.ts';

/** A row of the first worksheet: its 1-based number and its cell values by 1-based column (sparse). */
export type XlsxRow = { number: number; values: ExcelJS.CellValue[] };

/** Limits and a progress report of one read. */
export type XlsxReadOptions = {
  /** Most bytes the parts read (workbook, shared strings, styles, worksheets) may unpack to, as declared and as found. */
  maxUncompressedBytes: number;
  /** Called now and then while the first sheet is read: the share of its bytes read so far (0–1) and rows so far. */
  onProgress?: (progress: { fraction: number; rowsRead: number }) => void;
};

const RELATIONS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** Rows between two progress reports and two turns of the event loop. */
const ROWS_PER_TURN = 500;

const EMPTY_RELATIONS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
);
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
);

/** The 400 of a file that is not a readable workbook. */
const unreadable = () => badRequest('文件无法读取，请上传用模板填写的 .xlsx 文件', undefined, 'unreadable_file');

/** What a ZipError means to the person who uploaded the file. */
function zipProblem(error: ZipError): Problem {
  if (error.reason === 'damaged') {
    return badRequest(
      '文件已损坏（压缩内容与文件记录的大小不符），请用 Excel 重新另存为 .xlsx 后上传',
      undefined,
      'damaged_file',
    );
  }
  return unreadable();
}

/** The 413 of a workbook whose parts would unpack past the limit (a "zip bomb", or a sheet of millions of rows). */
function unpackedTooLarge(declared: number, limit: number): Problem {
  const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return new Problem(
    413,
    'file_too_large_uncompressed',
    `Excel 文件解压后约 ${megabytes(declared)} MB，超过 ${megabytes(limit)} MB 的上限（通常是含有大量空行、格式或多余的工作表）。请删除多余的行、列和工作表，另存为 .xlsx 后再上传，或分成多个文件`,
  );
}

/** The parts a streaming read needs, in the order it needs them: relations, workbook, shared strings, styles, sheets. */
function partsToRead(entries: ZipEntry[]): { parts: (ZipEntry | { name: string; content: Buffer })[]; declared: number } {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const sheets = entries
    .filter((entry) => SHEET.test(entry.name))
    .sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  if (sheets.length === 0) throw badRequest('文件中没有工作表', undefined, 'empty_file');
  // Without shared strings and relations first, the reader would park every sheet in a temporary file.
  const parts = [
    byName.get(RELATIONS) ?? { name: RELATIONS, content: EMPTY_RELATIONS },
    ...[byName.get(WORKBOOK)].filter((entry) => entry !== undefined),
    byName.get(SHARED_STRINGS) ?? { name: SHARED_STRINGS, content: EMPTY_SHARED_STRINGS },
    ...[byName.get(STYLES)].filter((entry) => entry !== undefined),
    ...sheets,
  ];
  const declared = parts.reduce((sum, part) => sum + ('content' in part ? part.content.length : part.uncompressedSize), 0);
  return { parts, declared };
}

/** The parts to read and their declared unpacked size, refused (400, 413) as `readFirstSheetRows` would refuse them. */
function checkedParts(buffer: Buffer, maxUncompressedBytes: number) {
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(buffer);
  } catch (error) {
    throw error instanceof ZipError ? zipProblem(error) : unreadable();
  }
  const checked = partsToRead(entries);
  if (checked.declared > maxUncompressedBytes) throw unpackedTooLarge(checked.declared, maxUncompressedBytes);
  return checked;
}

/**
 * What the parts of an .xlsx file that a read would unpack say they unpack to, from the ZIP's index alone (nothing
 * is unpacked): a zip bomb or a damaged file is refused here, in the request, with the same 413 or 400 as a read.
 */
export function unpackedXlsxBytes(buffer: Buffer, maxUncompressedBytes: number): number {
  return checkedParts(buffer, maxUncompressedBytes).declared;
}

/**
 * The parts as a ZIP stream of stored entries of known size, unpacked here with their sizes enforced: the reader
 * downstream never inflates anything, so nothing unpacks past what was checked. `progress.sheetBytes` counts the
 * bytes of worksheets handed on.
 */
async function* storedArchive(
  buffer: Buffer,
  parts: (ZipEntry | { name: string; content: Buffer })[],
  progress: { sheetBytes: number },
): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if ('content' in part) {
      yield storedEntryHeader(part.name, part.content.length);
      yield part.content;
      continue;
    }
    yield storedEntryHeader(part.name, part.uncompressedSize);
    const isSheet = SHEET.test(part.name);
    for await (const chunk of unpackEntry(buffer, part)) {
      if (isSheet) progress.sheetBytes += chunk.length;
      yield chunk;
    }
  }
  yield endOfEntries();
}

/**
 * Waits for the reader on behalf of a source that may fail: the reader does not hear of a failing source (pipe
 * forwards no errors), so each wait also ends when the source fails. One waiter at a time, released when it settles
 * (racing every wait against one long-lived promise would keep every row alive).
 */
function watchSource(source: Readable) {
  let failure: unknown = null;
  let wake: ((error: unknown) => void) | null = null;
  source.on('error', (error) => {
    failure = error;
    wake?.(error);
  });
  return <T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> => {
    if (failure !== null) return Promise.reject(failure);
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      wake = reject;
      iterator.next().then(resolve, reject);
    }).finally(() => {
      wake = null;
    });
  };
}

/**
 * The rows of the first worksheet of an .xlsx file, read as a stream with exceljs' streaming reader: memory holds
 * the shared strings and a few chunks, never the whole sheet, and the event loop gets a turn every few hundred rows.
 * Before anything is unpacked the parts' declared sizes must fit `maxUncompressedBytes` (413 otherwise); while
 * reading, a part that unpacks to more than it declared stops the read (400). Stopping the iteration early (a row
 * limit) stops the unpacking. A file that is no workbook is a 400.
 */
export async function* readFirstSheetRows(buffer: Buffer, options: XlsxReadOptions): AsyncGenerator<XlsxRow> {
  const { parts } = checkedParts(buffer, options.maxUncompressedBytes);
  const sheetBytes = parts.reduce(
    (sum, part) => sum + (SHEET.test(part.name) && !('content' in part) ? part.uncompressedSize : 0),
    0,
  );

  const progress = { sheetBytes: 0 };
  const source = Readable.from(storedArchive(buffer, parts, progress), { objectMode: false });
  const nextOf = watchSource(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers with a date format: without styles they would read as plain numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const firstSheetName = () => (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets?.[0]?.name;
  try {
    const sheets = reader[Symbol.asyncIterator]();
    for (let sheet = await nextOf(sheets); !sheet.done; sheet = await nextOf(sheets)) {
      const name = (sheet.value as unknown as { name?: string }).name;
      const first = firstSheetName();
      if (first !== undefined && name !== first) continue;
      const rows = sheet.value[Symbol.asyncIterator]();
      let count = 0;
      for (let row = await nextOf(rows); !row.done; row = await nextOf(rows)) {
        yield { number: row.value.number, values: row.value.values as ExcelJS.CellValue[] };
        count += 1;
        if (count % ROWS_PER_TURN === 0) {
          options.onProgress?.({ fraction: sheetBytes > 0 ? Math.min(1, progress.sheetBytes / sheetBytes) : 1, rowsRead: count });
          await nextTurn();
        }
      }
      options.onProgress?.({ fraction: 1, rowsRead: count });
      return;
    }
    throw badRequest('文件中没有工作表', undefined, 'empty_file');
  } catch (error) {
    if (error instanceof Problem) throw error;
    if (error instanceof ZipError) throw zipProblem(error);
    throw unreadable();
  } finally {
    // Abandons the reader's pending reads: with its source gone they never settle and are collected with it.
    source.destroy();
  }
}
