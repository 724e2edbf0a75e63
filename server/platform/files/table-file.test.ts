import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv, readJsonLines, readTableText } from './table-file.ts';
import { peakGrowth } from './xlsx-files.test-support.ts';

/** A CSV text of `lines` short data lines after a header. */
const shortLines = (lines: number) => ['title,label', ...Array.from({ length: lines }, (_, index) => `t${index},x`)].join('\n');

describe('CSV and JSON Lines files', () => {
  it('parses RFC 4180 CSV: quoted commas, quotes and line breaks, CRLF, blank lines, a last line without a break', () => {
    expect(parseCsv('a,"b,""c""\nd",e\r\n\r\nx,\n"q"z,\n')).toEqual([['a', 'b,"c"\nd', 'e'], [''], ['x', ''], ['qz', '']]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('a\rb\n')).toEqual([['a'], ['b']]);
    expect(parseCsv('"unterminated,a\nb')).toEqual([['unterminated,a\nb']]);
    expect(parseCsv('')).toEqual([]);
    const file = readCsv('\uFEFF 标题 ,类别\n"公交,地铁",交通运输\n\n,\n乙,教育\n');
    expect(file).toEqual({
      columns: ['标题', '类别'],
      rows: [
        {
          row: 2,
          cells: new Map([
            ['标题', '公交,地铁'],
            ['类别', '交通运输'],
          ]),
        },
        {
          row: 5,
          cells: new Map([
            ['标题', '乙'],
            ['类别', '教育'],
          ]),
        },
      ],
    });
  });

  it('stops a CSV of a million lines at the row limit at once, in bounded memory (it parsed all of them, 7 s and 500 MB)', async () => {
    const text = shortLines(1_000_000);
    let file: Awaited<ReturnType<typeof readTableText>> | undefined;
    const started = performance.now();
    const growth = await peakGrowth(async () => {
      file = await readTableText(text, 'csv', { maxRows: 20_000 });
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(growth).toBeLessThan(100);
    expect(file).toEqual({ failure: '超过 20000 行', code: 'too_many_rows' });
    expect(readCsv(shortLines(3), { maxRows: 3 })).toMatchObject({ columns: ['title', 'label'] });
    expect(readCsv(shortLines(4), { maxRows: 3 })).toMatchObject({ code: 'too_many_rows' });
  });

  it('refuses a CSV or JSON Lines text with a NUL character (it reached the database and answered 500), naming the line', () => {
    expect(readCsv('标题,正文\n甲,乙\n丙\u0000,丁\n')).toEqual({
      failure: '文件第 3 行含有空字符（U+0000），请另存为 UTF-8 编码的文本后再上传',
    });
    expect(readJsonLines('{"title":"甲"}\n{"title":"乙\u0000"}\n')).toMatchObject({
      failure: expect.stringContaining('第 2 行'),
    });
    expect(readCsv('标题,正文\n甲,乙\n')).toMatchObject({ rows: [{ row: 2 }] });
  });

  it('stops JSON Lines at the row limit too, and names a line that is not an object', async () => {
    const lines = Array.from({ length: 200_000 }, (_, index) => JSON.stringify({ title: `t${index}`, label: 'x' })).join('\n');
    expect(await readTableText(lines, 'jsonl', { maxRows: 1_000 })).toEqual({ failure: '超过 1000 行', code: 'too_many_rows' });
    expect(readJsonLines('{"a":1}\n\n{"b":null}\r\n')).toEqual({
      columns: ['a', 'b'],
      rows: [
        { row: 1, cells: new Map([['a', '1']]) },
        { row: 3, cells: new Map([['b', '']]) },
      ],
    });
    expect(readJsonLines('{"a":1}\n[1]\n')).toEqual({ failure: '第 2 行应为一个 JSON 对象' });
    expect(readJsonLines('{"a":\n')).toEqual({ failure: '第 1 行不是有效的 JSON' });
  });

  it('reads a large upload with turns of the event loop (a timer keeps firing meanwhile) and reports its progress', async () => {
    const body = '关于优化城市公交线路的建议，公交线路重复，换乘不便，建议重新规划公交线网。'.repeat(8);
    const text = [
      'title,body,label',
      ...Array.from({ length: 20_000 }, (_, index) => `标题${index},"${body}""${index}""",交通运输`),
    ].join('\n');
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 1);
    const fractions: number[] = [];
    const file = await readTableText(text, 'csv', { maxRows: 20_000, onProgress: ({ fraction }) => fractions.push(fraction) });
    clearInterval(timer);
    expect('rows' in file && file.rows.length).toBe(20_000);
    expect('rows' in file && file.rows[0].cells.get('body')).toBe(`${body}"0"`);
    expect(longestGap).toBeLessThan(250);
    expect(fractions.length).toBeGreaterThan(30);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });
});
