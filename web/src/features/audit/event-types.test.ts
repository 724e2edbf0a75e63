import { describe, expect, it } from 'vitest';
import { eventTypeName, eventTypeOptions, prettyJson } from './event-types.ts';

describe('event type names', () => {
  it('names known types in Chinese', () => {
    expect(eventTypeName('user.password_reset')).toBe('重置密码');
    expect(eventTypeName('member.sensitive_viewed')).toBe('查看委员敏感信息');
  });

  it('names every kind of audited download', () => {
    expect(eventTypeName('proposal.attachment_downloaded')).toBe('下载提案附件');
    expect(eventTypeName('archive.package_downloaded')).toBe('下载归档包');
    expect(eventTypeName('statistics.report_downloaded')).toBe('下载统计附表');
  });

  it('falls back to the category and the code', () => {
    expect(eventTypeName('proposal.something_new')).toBe('提案 · proposal.something_new');
    expect(eventTypeName('weird.thing')).toBe('weird.thing');
  });

  it('offers every category as a prefix before the types', () => {
    const options = eventTypeOptions(['user.created', 'auth.login_failed', 'user.updated']);
    expect(options.map((option) => option.value)).toEqual([
      'auth.',
      'user.',
      'auth.login_failed',
      'user.created',
      'user.updated',
    ]);
    expect(options[1].label).toBe('账户（user.*）');
  });
});

describe('pretty JSON', () => {
  it('indents values and has nothing for empty ones', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson(null)).toBeNull();
    expect(prettyJson(undefined)).toBeNull();
  });
});
