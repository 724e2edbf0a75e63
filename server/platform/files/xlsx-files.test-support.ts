import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Writes a sheet with exceljs' streaming writer into a temporary file (never holding the sheet in memory) and returns
 * its bytes: the header row, then `rows` rows from `row(index)` — or, when `row` returns null, a blank row that is
 * still written (a row height, as a sheet formatted far down holds), the cheapest row to store.
 */
export async function streamedWorkbook(
  header: readonly string[],
  rows: number,
  row: (index: number) => (string | number)[] | null,
): Promise<Buffer> {
  const folder = await mkdtemp(join(tmpdir(), 'sheet-'));
  const filename = join(folder, 'roster.xlsx');
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename,
      useSharedStrings: true,
      useStyles: false,
      zip: { zlib: { level: 9 } },
    });
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([...header]).commit();
    for (let index = 0; index < rows; index += 1) {
      const values = row(index);
      if (values) sheet.addRow(values).commit();
      else {
        const blank = sheet.getRow(index + 2);
        blank.height = 15;
        blank.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
    return await readFile(filename);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** One entry of a hand-made ZIP archive: its name, its (deflated) bytes, and the unpacked size it claims. */
type CraftedEntry = { name: string; packed: Buffer; claimedSize: number; method?: 0 | 8 };

/** A ZIP archive made by hand, so that an entry may claim any unpacked size (a zip bomb that lies about itself). */
export function craftZip(entries: CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.packed.length, 18);
    local.writeUInt32LE(entry.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.packed.length, 20);
    central.writeUInt32LE(entry.claimedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.packed);
    centrals.push(central, name);
    offset += local.length + name.length + entry.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflated, but left open (no final block): deflate blocks of separate calls then chain into one stream. */
const openBlocks = (bytes: Buffer) => deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });

/**
 * An .xlsx-shaped zip bomb: a minimal workbook whose sheet holds `megabytes` of blanks (packed about a thousand to one).
 * `claimedSize` is what the sheet's entry says it unpacks to: the truth by default, a lie when smaller.
 */
export function xlsxBomb(megabytes: number, claimedSize?: number): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const blanks = openBlocks(Buffer.alloc(1024 * 1024, 0x20));
  const sheet = Buffer.concat([
    openBlocks(Buffer.from(head)),
    ...Array.from({ length: megabytes }, () => blanks),
    deflateRawSync(Buffer.from(tail)),
  ]);
  const size = Buffer.byteLength(head) + megabytes * 1024 * 1024 + Buffer.byteLength(tail);
  const workbook =
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
  return craftZip([
    { name: 'xl/workbook.xml', packed: deflateRawSync(Buffer.from(workbook)), claimedSize: Buffer.byteLength(workbook) },
    { name: 'xl/worksheets/sheet1.xml', packed: sheet, claimedSize: claimedSize ?? size },
  ]);
}

/** Runs `work` while sampling the resident memory every few milliseconds; returns how far it rose, in MB. */
export async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return (Math.max(peak, process.memoryUsage().rss) - start) / 1024 / 1024;
}
