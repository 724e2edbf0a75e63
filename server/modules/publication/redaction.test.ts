import { describe, expect, it } from 'vitest';
import { redact } from './redaction.ts';

describe('redaction of public text', () => {
  it.each([
    ['a mobile number', '请联系 13812345678 咨询', '请联系 [电话已隐去] 咨询', { 手机号: 1 }],
    ['a mobile number with spaces and +86', '电话 +86 138 1234 5678。', '电话 [电话已隐去]。', { 手机号: 1 }],
    ['a landline with area code', '咨询电话：0571-87051234', '咨询电话：[电话已隐去]', { 固定电话: 1 }],
    ['a landline with extension', '（010）66012345-801', '[电话已隐去]', { 固定电话: 1 }],
    ['an ID card number', '身份证 33010619800101123X 的申请人', '身份证 [身份证号已隐去] 的申请人', { 身份证号: 1 }],
    ['an e-mail address', '来信请寄 wang.li@example.gov.cn', '来信请寄 [邮箱已隐去]', { 电子邮箱: 1 }],
    ['a bank card', '账号 6222 0212 3456 7890 123', '账号 [卡号已隐去]', { 银行卡号: 1 }],
    [
      'a labelled contact person',
      '联系人：王建国，联系电话：13900001111',
      '联系人：***，联系电话：[电话已隐去]',
      { 联系人: 1, 手机号: 1 },
    ],
  ])('removes %s', (_name, input, output, removed) => {
    expect(redact(input)).toEqual({ text: output, removed });
  });

  it.each([
    ['amounts and years', '安排资金 3000 万元，2026 年完成 12 个项目。'],
    ['a document number', '政协提〔2026〕12号'],
    ['a short number', '第0001号提案'],
    ['a date', '2026-07-01'],
  ])('keeps %s', (_name, input) => {
    expect(redact(input)).toEqual({ text: input, removed: {} });
  });
});
