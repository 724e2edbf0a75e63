import { describe, expect, it } from 'vitest';
import { buildSnippet, markWords } from './snippet.ts';

const hits = (parts: { text: string; hit: boolean }[]) => parts.filter((part) => part.hit).map((part) => part.text);
const joined = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

describe('markWords', () => {
  it('marks every occurrence, longest form first', () => {
    const parts = markWords('数据共享平台的数据', ['数据共享', '数据']);
    expect(parts).toEqual([
      { text: '数据共享', hit: true },
      { text: '平台的', hit: false },
      { text: '数据', hit: true },
    ]);
  });

  it('ignores case of Latin words', () => {
    expect(hits(markWords('推进WiFi和5G覆盖', ['wifi', '5g']))).toEqual(['WiFi', '5G']);
  });

  it('returns the text as one plain part without matches', () => {
    expect(markWords('无关内容', ['电梯'])).toEqual([{ text: '无关内容', hit: false }]);
  });
});

describe('buildSnippet', () => {
  it('marks Traditional text for Simplified words', () => {
    expect(hits(buildSnippet('推動數據共享', ['数据共享']))).toEqual(['數據共享']);
  });

  it('cuts around the first match with ellipses', () => {
    const text = `${'前'.repeat(200)}加装电梯${'后'.repeat(200)}`;
    const parts = buildSnippet(text, ['电梯']);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts[parts.length - 1]).toEqual({ text: '…', hit: false });
    expect(hits(parts)).toEqual(['电梯']);
    expect(joined(parts).length).toBeLessThanOrEqual(122);
  });

  it('starts at the beginning without a match', () => {
    expect(buildSnippet('短文本', ['电梯'])).toEqual([{ text: '短文本', hit: false }]);
  });

  it('keeps markup characters as text (the UI never renders HTML)', () => {
    expect(joined(buildSnippet('<b>电梯</b>', ['电梯']))).toBe('<b>电梯</b>');
  });
});
