import { describe, expect, it } from 'vitest';
import { AdminApiError } from './admin-api.ts';
import { blanksToNull, changedFields, formFieldErrors } from './form-values.ts';

describe('changed fields', () => {
  it('keeps only values that differ from the record', () => {
    const record = { name: '张三', workplace: '市医院', birthYear: 1970 };
    expect(changedFields(record, { name: '张三', workplace: '市一中', birthYear: 1970 })).toEqual({ workplace: '市一中' });
  });

  it('turns a cleared text into null and skips fields the form does not hold', () => {
    const record = { name: '张三', workplace: '市医院' };
    expect(changedFields(record, { name: '张三', workplace: '', position: undefined })).toEqual({ workplace: null });
  });

  it('compares role lists regardless of order', () => {
    expect(changedFields({ roles: ['member', 'leader'] }, { roles: ['leader', 'member'] })).toEqual({});
    expect(changedFields({ roles: ['member'] }, { roles: ['member', 'leader'] })).toEqual({ roles: ['member', 'leader'] });
  });

  it('treats a missing record value as null', () => {
    expect(changedFields<{ mobile?: string | null }>({}, { mobile: '' })).toEqual({});
    expect(changedFields<{ mobile?: string | null }>({}, { mobile: '13800138000' })).toEqual({ mobile: '13800138000' });
  });
});

describe('blanks to null', () => {
  it('turns empty strings and undefined into null', () => {
    expect(blanksToNull({ a: '', b: undefined, c: 'x', d: 0 })).toEqual({ a: null, b: null, c: 'x', d: 0 });
  });
});

describe('form field errors', () => {
  it('maps the server field errors onto the form fields', () => {
    const error = new AdminApiError(400, {
      code: 'validation_failed',
      detail: '请求体格式不正确',
      errors: [
        { field: 'mobile', message: '手机号不正确' },
        { field: 'body.name', message: '不能为空' },
        { field: 'mobile', message: '已被使用' },
        { field: 'unknown', message: '其他' },
      ],
    });
    expect(formFieldErrors(error, ['name', 'mobile'])).toEqual([
      { name: 'mobile', errors: ['手机号不正确', '已被使用'] },
      { name: 'name', errors: ['不能为空'] },
    ]);
  });

  it('has nothing for other errors', () => {
    expect(formFieldErrors(new Error('x'), ['name'])).toEqual([]);
  });
});
