/**
 * Removes contact details and personal data from text that will be public (PIPL): ID card numbers, mobile and
 * landline phone numbers, e-mail addresses, bank card numbers, what follows 联系人 labels, and whatever follows a
 * contact label (联系电话, 手机, 邮箱, 微信, QQ…) up to the end of its clause. Matching runs on a normalised copy
 * (NFKC, invisible characters removed) so full-width digits, ＠ or zero-width spaces do not hide a number; what is
 * replaced is the matching stretch of the original, so the rest of the text keeps its own punctuation. Pure;
 * returns the text and what it removed by kind.
 */
export type Redaction = { text: string; removed: Record<string, number> };

/**
 * A text as the patterns see it, and for each of its characters the stretch of the original it came from
 * (`starts[i]` to `ends[i]`), so a match can be cut out of the original.
 */
export type NormalizedText = { text: string; starts: number[]; ends: number[] };

/** Characters that show nothing (zero-width spaces and joiners, BOM, soft hyphen, direction marks). */
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;

/** The text folded for matching: each code point in its NFKC form, invisible characters dropped. */
export function normalizeForMatching(input: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const character of input) {
    const end = offset + character.length;
    if (!INVISIBLE.test(character)) {
      const folded = character.normalize('NFKC');
      text += folded;
      for (let index = 0; index < folded.length; index += 1) {
        starts.push(offset);
        ends.push(end);
      }
    }
    offset = end;
  }
  return { text, starts, ends };
}

type Rule = {
  kind: string;
  /** Matched against the normalised text; needs the `d` flag when `valueGroup` is set. */
  pattern: RegExp;
  placeholder: string;
  /** The capture group that is replaced (a label before it stays); the whole match when absent. */
  valueGroup?: number;
};

/** Labels whose value is contact data, as they read after NFKC (so ：becomes :, ＱＱ becomes QQ). */
const CONTACT_LABEL =
  '(?:联系电话|联系方式|电话号码|电话|手机号码|手机号|手机|电子邮箱|电子邮件|邮箱|e-?mail|微信号|微信|QQ号|QQ)';
/**
 * A label's value up to the end of its clause: anything but clause punctuation, brackets and the placeholders
 * already written; a dot or a space only inside a value (138.1234, wang li), a bracketed area code as a unit.
 */
const CLAUSE_VALUE = String.raw`(?:\(0\d{2,3}\)|\.(?=[A-Za-z0-9])|[ \t]+(?=[A-Za-z0-9+(@])|[^\s,;!?。.()\[\]【】<>、])+`;

const rules: Rule[] = [
  // Labelled contact people first, so the label stays and the name goes.
  { kind: '联系人', pattern: /(联系人|经办人):\s*([\u4e00-\u9fa5A-Za-z·]{1,10})/dg, placeholder: '***', valueGroup: 2 },
  {
    kind: '身份证号',
    pattern: /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])/g,
    placeholder: '[身份证号已隐去]',
  },
  { kind: '银行卡号', pattern: /(?<![0-9])(?:\d[ -]?){15,18}\d(?![0-9])/g, placeholder: '[卡号已隐去]' },
  // Starts only where a run of address characters starts, so a long run is scanned once, not once per character.
  {
    kind: '电子邮箱',
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+ ?@ ?[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
    placeholder: '[邮箱已隐去]',
  },
  {
    kind: '手机号',
    pattern: /(?<![0-9.])(?:\+?86[ -]?)?1[3-9]\d[ .-]?\d{4}[ .-]?\d{4}(?![0-9])/g,
    placeholder: '[电话已隐去]',
  },
  {
    kind: '固定电话',
    pattern: /(?<![0-9.])(?:\(?0\d{2,3}\)?[ .-]?)\d{3,4}[ .-]?\d{4}(?:-\d{1,5})?(?![0-9])/g,
    placeholder: '[电话已隐去]',
  },
  // Whatever is left after a contact label: a WeChat id, a QQ number, a number spelled out or split oddly.
  {
    kind: '联系方式',
    pattern: new RegExp(`${CONTACT_LABEL}\\s*:\\s*(${CLAUSE_VALUE})`, 'dgi'),
    placeholder: '[联系方式已隐去]',
    valueGroup: 1,
  },
];

/** Applies one rule: finds its matches in the normalised text and replaces those stretches of the original. */
function applyRule(input: string, rule: Rule): { text: string; count: number } {
  const normalized = normalizeForMatching(input);
  const cuts: { start: number; end: number }[] = [];
  for (const match of normalized.text.matchAll(rule.pattern)) {
    const [from, to] =
      rule.valueGroup === undefined
        ? [match.index, match.index + match[0].length]
        : (match.indices?.[rule.valueGroup] ?? [match.index, match.index + match[0].length]);
    if (to <= from) continue;
    cuts.push({ start: normalized.starts[from], end: normalized.ends[to - 1] });
  }
  if (cuts.length === 0) return { text: input, count: 0 };
  let text = '';
  let position = 0;
  for (const cut of cuts) {
    text += input.slice(position, cut.start) + rule.placeholder;
    position = cut.end;
  }
  return { text: text + input.slice(position), count: cuts.length };
}

/** The text with personal data removed, and the count removed per kind. */
export function redact(input: string): Redaction {
  const removed: Record<string, number> = {};
  let text = input;
  for (const rule of rules) {
    const result = applyRule(text, rule);
    if (result.count > 0) removed[rule.kind] = (removed[rule.kind] ?? 0) + result.count;
    text = result.text;
  }
  return { text, removed };
}

/** Adds one redaction's counts into a running total. */
export function addCounts(total: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const [kind, count] of Object.entries(more)) total[kind] = (total[kind] ?? 0) + count;
  return total;
}
