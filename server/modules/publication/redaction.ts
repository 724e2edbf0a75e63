/**
 * Removes contact details and personal data from text that will be public (PIPL): ID card numbers, mobile and
 * landline phone numbers, e-mail addresses, bank card numbers, and what follows 联系人 / 联系电话 labels. Pure;
 * returns the text and what it removed by kind.
 */
export type Redaction = { text: string; removed: Record<string, number> };

const rules: { kind: string; pattern: RegExp; replace: string | ((match: string, ...groups: string[]) => string) }[] = [
  // Labelled contact details first, so the label stays and the value goes.
  { kind: '联系人', pattern: /(联系人|经办人)[:：]\s*[\u4e00-\u9fa5A-Za-z·]{1,10}/g, replace: (_m, label) => `${label}：***` },
  {
    kind: '身份证号',
    pattern: /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])/g,
    replace: '[身份证号已隐去]',
  },
  { kind: '银行卡号', pattern: /(?<![0-9])(?:\d[ -]?){15,18}\d(?![0-9])/g, replace: '[卡号已隐去]' },
  { kind: '电子邮箱', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, replace: '[邮箱已隐去]' },
  { kind: '手机号', pattern: /(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])/g, replace: '[电话已隐去]' },
  { kind: '固定电话', pattern: /(?<![0-9])(?:[(（]?0\d{2,3}[)）]?[ -]?)\d{7,8}(?:-\d{1,5})?(?![0-9])/g, replace: '[电话已隐去]' },
];

/** The text with personal data removed, and the count removed per kind. */
export function redact(input: string): Redaction {
  const removed: Record<string, number> = {};
  let text = input;
  for (const rule of rules) {
    text = text.replace(rule.pattern, (...args: string[]) => {
      removed[rule.kind] = (removed[rule.kind] ?? 0) + 1;
      return typeof rule.replace === 'string' ? rule.replace : rule.replace(args[0], ...args.slice(1));
    });
  }
  return { text, removed };
}

/** Adds one redaction's counts into a running total. */
export function addCounts(total: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const [kind, count] of Object.entries(more)) total[kind] = (total[kind] ?? 0) + count;
  return total;
}
