import { describe, expect, it } from 'vitest';
import { characterGrams, compactText, essentialTitle, keyTerms, profileText, scoreCandidate } from './similar-scoring.ts';

describe('essentialTitle and characterGrams', () => {
  it.each([
    ['关于老旧小区加装电梯的建议', '老旧小区加装电梯'],
    ['关于加强农村饮水安全的提案', '加强农村饮水安全'],
    ['A市公交线路调整问题', 'a市公交线路调整'],
  ])('%s → %s', (title, expected) => expect(essentialTitle(title)).toBe(expected));

  it('cuts character n-grams, keeping a text shorter than n whole', () => {
    expect([...characterGrams('加装电梯', 3)]).toEqual(['加装电', '装电梯']);
    expect([...characterGrams('电梯', 3)]).toEqual(['电梯']);
    expect(compactText('加装 电梯！')).toBe('加装电梯');
  });
});

describe('scoreCandidate', () => {
  const query = profileText({
    title: '关于老旧小区加装电梯的建议',
    body: '老旧小区没有电梯，老年居民上下楼困难，建议简化加装电梯审批并给予财政补贴。',
  });

  it('scores the same text 1 and a near-duplicate above an item on another matter', () => {
    const same = scoreCandidate(
      query,
      profileText({
        title: '关于老旧小区加装电梯的建议',
        body: '老旧小区没有电梯，老年居民上下楼困难，建议简化加装电梯审批并给予财政补贴。',
      }),
    );
    const near = scoreCandidate(
      query,
      profileText({ title: '推进老旧小区电梯加装工作', body: '加装电梯审批复杂，补贴不足，居民上下楼困难。' }),
    );
    const other = scoreCandidate(
      query,
      profileText({ title: '关于加强农村饮水安全的建议', body: '农村饮用水水质不达标，建议建设集中供水工程。' }),
    );
    expect(same.score).toBe(1);
    expect(near.score).toBeGreaterThan(0.4);
    expect(near.sharedTerms).toEqual(expect.arrayContaining(['电梯', '加装']));
    expect(other.score).toBeLessThan(near.score);
    expect(other.score).toBeLessThan(0.25);
  });

  it('leaves framing words out of the key terms', () => {
    const terms = keyTerms(profileText({ title: '关于尽快解决小区停车难问题的建议' }), 10).map((entry) => entry.term);
    expect(terms).toContain('停车');
    expect(terms).not.toContain('尽快');
    expect(terms).not.toContain('解决');
  });
});
