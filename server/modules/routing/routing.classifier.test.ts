import { describe, expect, it } from 'vitest';
import { classify, decodeClassifier, encodeClassifier, trainClassifier } from './routing.classifier.ts';
import { routingTerms } from './routing.features.ts';

const examples = [
  ['公交线路调整', 'transport'],
  ['地铁站出口拥堵', 'transport'],
  ['公交站台遮雨棚', 'transport'],
  ['出租车拒载', 'transport'],
  ['小学学位紧张', 'education'],
  ['中学食堂卫生', 'education'],
  ['乡村教师待遇', 'education'],
  ['幼儿园收费', 'education'],
].map(([title, label]) => ({ terms: routingTerms(title, ''), labels: [label] }));

describe('routing features', () => {
  it.each([
    [
      'words and character pairs of the title, counted double',
      '公交线路',
      '',
      [
        ['w:公交线路', 2],
        ['c:公交', 1],
        ['c:线路', 1],
      ],
    ],
    ['Traditional folds into Simplified', '公車線路', '', [['c:线路', 1]]],
    ['the body counts once', '', '学位紧张', [['c:学位', 0.5]]],
    [
      'full-width digits and Latin fold',
      'Ａ３区５Ｇ基站',
      '',
      [
        ['w:a3', 2],
        ['c:5g', 1],
      ],
    ],
  ])('%s', (_case, title, body, expected) => {
    const terms = routingTerms(title, body);
    for (const [feature, count] of expected as [string, number][]) expect(terms.get(feature)).toBe(count);
  });

  it('leaves out stop words and punctuation', () => {
    const terms = routingTerms('关于公交的建议！', '');
    expect([...terms.keys()].filter((feature) => feature.startsWith('w:'))).toEqual(['w:公交']);
  });
});

describe('routing classifier', () => {
  it('learns separable labels and ranks them with probabilities that sum to one', () => {
    const model = trainClassifier(examples);
    expect(model.labels).toEqual(['education', 'transport']);
    const bus = classify(model, routingTerms('增加公交线路', ''));
    expect(bus[0].label).toBe('transport');
    // Eight toy titles at the default (small) step: confident, not certain.
    expect(bus[0].probability).toBeGreaterThan(0.55);
    expect(bus[0].probability + bus[1].probability).toBeCloseTo(1, 6);
    expect(classify(model, routingTerms('', '学校食堂和教师'))[0].label).toBe('education');
  });

  it('is deterministic for the same history and seed', () => {
    const first = trainClassifier(examples);
    const second = trainClassifier(examples);
    expect(Array.from(second.weights)).toEqual(Array.from(first.weights));
  });

  it('shares an item among several labels (an item handled by two units)', () => {
    const shared = [...examples, { terms: routingTerms('校车路线', ''), labels: ['transport', 'education'] }];
    const model = trainClassifier(shared, { minimumDocuments: 1 });
    const [top, next] = classify(model, routingTerms('校车路线', ''));
    expect(Math.abs(top.probability - next.probability)).toBeLessThan(0.5);
  });

  it('round-trips through its stored bytes exactly', () => {
    const model = trainClassifier(examples);
    const bytes = encodeClassifier(model);
    const back = decodeClassifier(new Uint8Array(bytes));
    expect(back.labels).toEqual(model.labels);
    expect([...back.vocabulary]).toEqual([...model.vocabulary]);
    expect(Array.from(back.weights)).toEqual(Array.from(model.weights));
    expect(classify(back, routingTerms('公交', ''))).toEqual(classify(model, routingTerms('公交', '')));
    expect(() => decodeClassifier(bytes.subarray(0, bytes.length - 4))).toThrow('wrong length');
  });

  it('trains without the naive-Bayes feature scaling too', () => {
    const plain = trainClassifier(examples, { naiveBayesSmoothing: 0 });
    expect(classify(plain, routingTerms('增加公交线路', ''))[0].label).toBe('transport');
    expect(Array.from(plain.weights)).not.toEqual(Array.from(trainClassifier(examples).weights));
  });

  it('refuses to train on nothing', () => {
    expect(() => trainClassifier([])).toThrow('no examples');
  });
});
