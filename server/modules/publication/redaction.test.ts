import { describe, expect, it } from 'vitest';
import { normalizeForMatching, redact } from './redaction.ts';

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

  // Contact details written to slip past a plain pattern: each is found after NFKC and without zero-width characters.
  it.each([
    ['a mobile number in full-width digits', '请联系１３８１２３４５６７８咨询', '请联系[电话已隐去]咨询', { 手机号: 1 }],
    [
      'a mobile number with zero-width spaces inside',
      '号码 138\u200b1234\u200d5678 可用',
      '号码 [电话已隐去] 可用',
      { 手机号: 1 },
    ],
    ['a mobile number with dots between the groups', '打 138.1234.5678 即可', '打 [电话已隐去] 即可', { 手机号: 1 }],
    [
      'a mobile number with full-width dots and spaces',
      '打 １３８．１２３４　５６７８ 即可',
      '打 [电话已隐去] 即可',
      { 手机号: 1 },
    ],
    ['a mobile number with a soft hyphen and a BOM', '打 138\u00ad1234\ufeff5678', '打 [电话已隐去]', { 手机号: 1 }],
    ['a landline with dots', '热线 0571.8705.1234。', '热线 [电话已隐去]。', { 固定电话: 1 }],
    ['a full-width ID number', '身份证号３３０１０６１９８００１０１１２３Ｘ，', '身份证号[身份证号已隐去]，', { 身份证号: 1 }],
    ['an e-mail with a full-width ＠', '来信 wangli＠example．com 收', '来信 [邮箱已隐去] 收', { 电子邮箱: 1 }],
    ['an e-mail with spaces around @', '来信 wangli @ 163.com 收', '来信 [邮箱已隐去] 收', { 电子邮箱: 1 }],
    ['a WeChat id after 微信：', '微信：wangli_1980，欢迎交流', '微信：[联系方式已隐去]，欢迎交流', { 联系方式: 1 }],
    ['a QQ number after a full-width ＱＱ:', 'ＱＱ:１２３４５６７８９；', 'ＱＱ:[联系方式已隐去]；', { 联系方式: 1 }],
    [
      'a mailbox after 邮箱: up to the clause end',
      '邮箱: wangli at 163 dot com。谢谢',
      '邮箱: [联系方式已隐去]。谢谢',
      { 联系方式: 1 },
    ],
    ['a phone spelled out after 电话：', '电话：一三八一二三四五六七八，找王', '电话：[联系方式已隐去]，找王', { 联系方式: 1 }],
    ['a short number after 手机：', '手机：8765 4321（工作日）', '手机：[联系方式已隐去]（工作日）', { 联系方式: 1 }],
    [
      'what follows 联系电话： when a number was already removed',
      '联系电话：１３８ １２３４ ５６７８，邮箱：a@b.cn',
      '联系电话：[电话已隐去]，邮箱：[邮箱已隐去]',
      { 手机号: 1, 电子邮箱: 1 },
    ],
  ])('removes %s', (_name, input, output, removed) => {
    expect(redact(input)).toEqual({ text: output, removed });
  });

  it.each([
    ['amounts and years', '安排资金 3000 万元，2026 年完成 12 个项目。'],
    ['a document number', '政协提〔2026〕12号'],
    ['a short number', '第0001号提案'],
    ['a proposal number in full-width digits', '第００１２号提案'],
    ['an amount with a thousands separator', '投入 1,500万元，覆盖 12,000 户'],
    ['an amount in full-width digits', '投入１，５００万元'],
    ['a date', '2026-07-01'],
    ['a dotted date', '2026.07.01 起施行'],
    ['a Chinese date', '2026年7月1日至2026年12月31日'],
    ['a percentage', '同比增长 13.5%，达到 87.25%'],
    ['a decimal that looks long', '圆周率约 3.14159265'],
    ['a phone-like word without a colon', '推广智能手机应用，开通政务邮箱服务'],
    ['full-width punctuation without contact data', '建议：一、加强监管；二、完善制度。'],
  ])('keeps %s', (_name, input) => {
    expect(redact(input)).toEqual({ text: input, removed: {} });
  });
});

describe('normalisation before matching', () => {
  it('folds full-width forms and removes zero-width characters, remembering where each character came from', () => {
    const normalized = normalizeForMatching('Ａ\u200b１＠');
    expect(normalized.text).toBe('A1@');
    expect(normalized.starts).toEqual([0, 2, 3]);
    expect(normalized.ends).toEqual([1, 3, 4]);
  });
});
