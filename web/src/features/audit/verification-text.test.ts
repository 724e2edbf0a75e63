import { describe, expect, it } from 'vitest';
import type { ChainVerification } from '../../../../contracts/audit.ts';
import { verificationText } from './verification-text.ts';

/** A verification result with the fields a case does not care about filled in. */
function resultOf(patch: Partial<ChainVerification>): ChainVerification {
  return {
    valid: true,
    status: 'valid',
    checked: 42,
    firstBrokenSequence: null,
    reason: null,
    head: { sequence: 42, hash: 'a'.repeat(64) },
    checkpointsCompared: 0,
    latestCheckpoint: null,
    verifiedAt: '2026-03-01T00:00:00Z',
    ...patch,
  };
}

describe('verification text', () => {
  it('says the log is intact, and how many checkpoints it was compared with', () => {
    const text = verificationText(resultOf({ checkpointsCompared: 3 }));
    expect(text.title).toContain('校验通过');
    expect(text.detail).toContain('42');
    expect(text.detail).toContain('3 个签名检查点');
  });

  it('names the first broken sequence and why', () => {
    const text = verificationText(resultOf({ valid: false, status: 'broken', firstBrokenSequence: 17, reason: 'hash_mismatch' }));
    expect(text.title).toContain('第 17 条');
    expect(text.detail).toContain('记录被篡改');
  });

  it('says a truncated tail is caught by the checkpoint', () => {
    const text = verificationText(
      resultOf({ valid: false, status: 'broken', firstBrokenSequence: 40, reason: 'checkpoint_truncated' }),
    );
    expect(text.detail).toContain('少于签名检查点');
  });

  it('says "cannot verify", not intact, when the key is another one', () => {
    const text = verificationText(resultOf({ valid: false, status: 'unverifiable', reason: 'key_mismatch' }));
    expect(text.title).toContain('无法校验');
    expect(text.title).not.toContain('通过');
    expect(text.detail).toContain('AUDIT_KEY');
  });
});
