import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { keepsIdempotencyKey, submitConfirmText } from './submit-rules.ts';

describe('submit rules', () => {
  it('keeps the key after a lost connection or a server failure, not after a definite answer', () => {
    expect(keepsIdempotencyKey(new ApiError(0, {}))).toBe(true);
    expect(keepsIdempotencyKey(new ApiError(503, {}))).toBe(true);
    expect(keepsIdempotencyKey(new ApiError(409, { code: 'version_conflict' }))).toBe(false);
    expect(keepsIdempotencyKey(new ApiError(422, {}))).toBe(false);
  });

  it('says the text is frozen, and counts unanswered invitations while co-signing', () => {
    expect(submitConfirmText({ state: 'draft', coSigners: [] })).toContain('不能再修改');
    const invited = { memberId: 'm', name: '王委员', state: 'invited' as const, invitedAt: '', respondedAt: null, actions: [] };
    expect(submitConfirmText({ state: 'co_signing', coSigners: [invited] })).toContain('1 位委员未答复');
  });
});
