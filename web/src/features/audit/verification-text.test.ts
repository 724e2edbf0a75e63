import { describe, expect, it } from 'vitest';
import { verificationText } from './verification-text.ts';

describe('verification text', () => {
  it('says the log is intact', () => {
    const text = verificationText({
      valid: true,
      checked: 42,
      firstBrokenSequence: null,
      reason: null,
      verifiedAt: '2026-03-01T00:00:00Z',
    });
    expect(text.title).toContain('校验通过');
    expect(text.detail).toContain('42');
  });

  it('names the first broken sequence and why', () => {
    const text = verificationText({
      valid: false,
      checked: 42,
      firstBrokenSequence: 17,
      reason: 'hash_mismatch',
      verifiedAt: '2026-03-01T00:00:00Z',
    });
    expect(text.title).toContain('第 17 条');
    expect(text.detail).toContain('记录被篡改');
  });
});
