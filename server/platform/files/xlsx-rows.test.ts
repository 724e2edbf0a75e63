import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../http/problem.ts';
import { craftZip, peakGrowth, streamedWorkbook, xlsxBomb } from './xlsx-files.test-support.ts';
import { readFirstSheetRows, unpackedXlsxBytes, type XlsxReadOptions } from './xlsx-rows.ts';

const MB = 1024 * 1024;
const limits: XlsxReadOptions = { maxUncompressedBytes: 50 * MB };

/** Every row of the first sheet, as plain values from column 1. */
async function allRows(buffer: Buffer, options = limits) {
  const rows: unknown[][] = [];
  for await (const row of readFirstSheetRows(buffer, options)) rows.push([row.number, ...row.values.slice(1)]);
  return rows;
}

/** The problem a read ends with. */
async function failureOf(run: () => Promise<unknown>): Promise<Problem> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

describe('reading an .xlsx sheet as a stream', () => {
  let twoHundredThousandRows: Buffer;
  beforeAll(async () => {
    twoHundredThousandRows = await streamedWorkbook(['姓名', '界别'], 200_000, (index) => [`委员${index}`, '经济界']);
  }, 120_000);

  it('reads the first tab row by row: shared and inline strings, numbers, dates, formula results; other tabs are left alone', async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('填写说明');
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '出生', '人数', '合计']);
    sheet.addRow(['张三', new Date(Date.UTC(1970, 0, 15)), 3, { formula: 'C2*2', result: 6 }]);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: '李' }, { text: '四' }] }]);
    notes.addRow(['不应读到这一行']);
    // The notes are sheet1.xml, but the user dragged the roster's tab in front of them.
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const [notesTab, rosterTab] = book.match(/<sheet [^>]*\/>/g)!;
    zip.file('xl/workbook.xml', book.replace(notesTab + rosterTab, rosterTab + notesTab));
    const rows = await allRows(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const flat = JSON.stringify(rows);
    expect(flat).not.toContain('不应读到');
    expect(rows[0]).toEqual([1, '姓名', '出生', '人数', '合计']);
    expect(rows[1][0]).toBe(2);
    expect(rows[1][1]).toBe('张三');
    expect((rows[1][2] as Date).toISOString().slice(0, 10)).toBe('1970-01-15');
    expect(rows[1][3]).toBe(3);
    expect(rows[1][4]).toMatchObject({ formula: 'C2*2', result: 6 });
    expect(rows.at(-1)).toMatchObject([4, { richText: [{ text: '李' }, { text: '四' }] }]);
  });

  it('refuses a zip bomb from the archive index alone, before unpacking anything (413 in Chinese)', async () => {
    const bomb = xlsxBomb(200);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const started = performance.now();
    const problem = await failureOf(() => allRows(bomb));
    expect(performance.now() - started).toBeLessThan(100);
    expect(problem).toMatchObject({ status: 413, code: 'file_too_large_uncompressed' });
    expect(problem.detail).toContain('解压后约 200 MB，超过 50 MB');
    expect(() => unpackedXlsxBytes(bomb, 50 * MB)).toThrow(Problem);
    expect(unpackedXlsxBytes(bomb, 300 * MB)).toBeGreaterThan(200 * MB);
  });

  it('stops a zip bomb that under-declares its size as soon as it unpacks past its claim, memory bounded (400)', async () => {
    const liar = xlsxBomb(300, 2 * MB);
    let problem: Problem | undefined;
    const started = performance.now();
    const growth = await peakGrowth(async () => {
      problem = await failureOf(() => allRows(liar));
    });
    expect(problem).toMatchObject({ status: 400, code: 'damaged_file' });
    expect(problem?.detail).toContain('文件已损坏');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(growth).toBeLessThan(100);
  });

  it('stops unpacking when the reader stops: the first 5,001 of 200,000 rows, quickly and in bounded memory', async () => {
    expect(twoHundredThousandRows.length).toBeLessThan(5 * MB);
    let read = 0;
    const started = performance.now();
    const growth = await peakGrowth(async () => {
      for await (const _row of readFirstSheetRows(twoHundredThousandRows, limits)) {
        read += 1;
        if (read > 5_001) break;
      }
    });
    expect(read).toBe(5_002);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(growth).toBeLessThan(150);
  });

  it('reports progress as it reads: the share of the sheet read so far', async () => {
    const reports: { fraction: number; rowsRead: number }[] = [];
    let read = 0;
    for await (const _row of readFirstSheetRows(twoHundredThousandRows, { ...limits, onProgress: (p) => reports.push(p) })) {
      read += 1;
      if (read > 20_000) break;
    }
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.at(-1)?.rowsRead).toBe(20_000);
    const fractions = reports.map((report) => report.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeGreaterThan(0.05);
    expect(fractions.at(-1)).toBeLessThan(0.3);
  });

  it('answers any damage to a workbook with a 4xx, never another error or a hang (300 random corruptions)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    for (let index = 0; index < 50; index += 1) sheet.addRow([`委员${index}`, index, new Date(Date.UTC(1970, 0, index + 1))]);
    const original = Buffer.from(await workbook.xlsx.writeBuffer());
    let seed = 20260501;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const outcomes = new Set<string>();
    for (let round = 0; round < 300; round += 1) {
      const damaged = Buffer.from(original);
      for (let flips = 1 + random(8); flips > 0; flips -= 1) damaged[random(damaged.length)] = random(256);
      const truncated = round % 5 === 0 ? damaged.subarray(0, random(damaged.length)) : damaged;
      const outcome = await Promise.race([
        allRows(truncated).then(
          () => 'read',
          (error) => (error instanceof Problem && error.status < 500 ? `${error.status}` : `other: ${error}`),
        ),
        new Promise((resolve) => setTimeout(() => resolve('hang'), 5_000)),
      ]);
      outcomes.add(String(outcome));
    }
    expect([...outcomes].filter((outcome) => outcome !== 'read' && !/^4\d\d$/.test(outcome))).toEqual([]);
  });

  it('refuses what is no workbook: not a zip, a zip without a sheet, a damaged entry (400)', async () => {
    const notZip = await failureOf(() => allRows(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(100)])));
    expect(notZip).toMatchObject({ status: 400, code: 'unreadable_file' });
    const noSheet = craftZip([{ name: 'word/document.xml', packed: Buffer.from('<w/>'), claimedSize: 4, method: 0 }]);
    expect(await failureOf(() => allRows(noSheet))).toMatchObject({ status: 400, code: 'empty_file' });
    const garbage = craftZip([{ name: 'xl/worksheets/sheet1.xml', packed: Buffer.from('not deflate data'), claimedSize: 100 }]);
    expect((await failureOf(() => allRows(garbage))).status).toBe(400);
  });
});
