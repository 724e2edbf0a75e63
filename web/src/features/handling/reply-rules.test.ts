import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../../contracts/handling.ts';
import { classNeedsFollowUp, editableReply, ratingBody, replyBody, replyRequirements } from './reply-rules.ts';

const scheme = [
  { code: 'A', name: '所提问题已经解决或基本解决' },
  { code: 'B', name: '所提问题列入计划拟逐步解决' },
  { code: 'C', name: '所提问题因条件限制或其他原因暂时不能解决' },
];

describe('reply form rules', () => {
  it('asks for a follow-up date for class B only, unless the server says otherwise', () => {
    expect(classNeedsFollowUp(scheme, 'B')).toBe(true);
    expect(classNeedsFollowUp(scheme, 'A')).toBe(false);
    expect(classNeedsFollowUp(scheme, null)).toBe(false);
    expect(classNeedsFollowUp([{ code: 'B', name: '乙', needsFollowUp: false }], 'B')).toBe(false);
    expect(classNeedsFollowUp([{ code: 'D', name: '丁', needsFollowUp: true }], 'D')).toBe(true);
  });

  it('requires a class of a reply, not of a follow-up report', () => {
    expect(replyRequirements('reply', scheme, 'A')).toEqual({ resultClass: true, followUpDueOn: false, showFollowUp: false });
    expect(replyRequirements('reply', scheme, 'B')).toEqual({ resultClass: true, followUpDueOn: true, showFollowUp: true });
    expect(replyRequirements('follow_up', scheme, 'B')).toEqual({
      resultClass: false,
      followUpDueOn: false,
      showFollowUp: false,
    });
  });

  it('asks no class of a kind whose replies are not classed (a micro-suggestion) and sends none', () => {
    expect(replyRequirements('reply', [], 'A')).toEqual({ resultClass: false, followUpDueOn: false, showFollowUp: false });
    expect(replyBody('reply', [], { text: ' 已修复 ', resultClass: 'A', contactPerson: '王', contactPhone: '12345' })).toEqual({
      text: '已修复',
      contactPerson: '王',
      contactPhone: '12345',
    });
  });

  it('builds the body: trimmed, the follow-up date only for a class that needs one', () => {
    const values = {
      text: '  经研究，年内完成。 ',
      resultClass: 'A',
      contactPerson: ' 李四 ',
      contactPhone: '0571-87001234',
      followUpDueOn: '2027-03-01',
    };
    expect(replyBody('reply', scheme, values)).toEqual({
      text: '经研究，年内完成。',
      resultClass: 'A',
      contactPerson: '李四',
      contactPhone: '0571-87001234',
    });
    expect(replyBody('reply', scheme, { ...values, resultClass: 'B' }).followUpDueOn).toBe('2027-03-01');
    expect(replyBody('follow_up', scheme, values)).not.toHaveProperty('resultClass');
  });

  it('edits the draft the user may submit, not one waiting for the leader', () => {
    const reply = (state: string, actions: string[]) =>
      ({ id: state, state, actions: actions.map((action) => ({ action, label: action, needsReason: false })) }) as Reply;
    expect(editableReply([reply('sent', []), reply('pending_signoff', ['sign_off_and_send'])])).toBeNull();
    expect(editableReply([reply('sent', []), reply('draft', ['submit'])])?.id).toBe('draft');
    expect(editableReply([reply('draft', [])])).toBeNull();
    expect(editableReply([reply('draft', ['send'])])?.id).toBe('draft');
  });

  it('leaves unanswered questions and an empty comment out of a rating', () => {
    expect(ratingBody({ rating: 'dissatisfied', contacted: null, addressed: false, comment: '  ' })).toEqual({
      rating: 'dissatisfied',
      addressed: false,
    });
    expect(ratingBody({ rating: 'satisfied', contacted: true, comment: '很好' })).toEqual({
      rating: 'satisfied',
      contacted: true,
      comment: '很好',
    });
  });
});
