import { describe, expect, it } from 'vitest';
import { hasAction, proposalNumberText, proposalStateColor } from './proposal-labels.ts';

describe('proposal labels', () => {
  it('writes the number as 第0001号, and 未编号 before filing', () => {
    expect(proposalNumberText('0001')).toBe('第0001号');
    expect(proposalNumberText('12')).toBe('第0012号');
    expect(proposalNumberText('第0003号')).toBe('第0003号');
    expect(proposalNumberText(null)).toBe('未编号');
  });

  it('finds an action among those the server offers', () => {
    const proposal = { actions: [{ action: 'submit', label: '提交', needsReason: false }] };
    expect(hasAction(proposal, 'submit')).toBe(true);
    expect(hasAction(proposal, 'edit')).toBe(false);
    expect(hasAction(undefined, 'submit')).toBe(false);
  });

  it('colours decisions apart from the rest', () => {
    expect(proposalStateColor('rejected')).toBe('red');
    expect(proposalStateColor('unknown')).toBe('default');
  });
});
