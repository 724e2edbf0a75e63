import { describe, expect, it } from 'vitest';
import { bulkResultLines, bulkSummary } from './bulk-results.ts';

describe('bulk results', () => {
  const titles = new Map([
    ['a', '关于加强社区养老服务的建议'],
    ['b', '关于优化公交线路的建议'],
    ['c', '关于老旧小区加装电梯的建议'],
  ]);

  it('lists numbers given and failures with reasons, in the order sent', () => {
    const lines = bulkResultLines(
      {
        items: [
          { id: 'a', ok: true, number: '0001' },
          { id: 'b', ok: false, status: 409, detail: '提案已被退回修改，不能立案' },
          { id: 'c', ok: false, status: 409 },
        ],
      },
      titles,
    );
    expect(lines.map((line) => [line.title, line.ok, line.number, line.detail])).toEqual([
      ['关于加强社区养老服务的建议', true, '0001', null],
      ['关于优化公交线路的建议', false, null, '提案已被退回修改，不能立案'],
      ['关于老旧小区加装电梯的建议', false, null, '状态已变化，请刷新后重试'],
    ]);
    expect(bulkSummary(lines)).toBe('已立案 1 件，失败 2 件');
  });

  it('says only the count when every item succeeded', () => {
    const lines = bulkResultLines({ items: [{ id: 'x', ok: true, number: '0002' }] }, titles);
    expect(lines[0].title).toBe('x');
    expect(bulkSummary(lines)).toBe('已立案 1 件');
  });
});
