import { describe, expect, it } from 'vitest';
import { tenantSettingsSchema } from '../../../../contracts/settings.ts';
import {
  businessPatch,
  businessValuesOf,
  proposalNumberSettings,
  proposalSwitchSettings,
  resultClassesPatch,
  resultClassScheme,
  securityNumberSettings,
  securityPatch,
  settingsFieldName,
} from './settings-fields.ts';

const defaults = tenantSettingsSchema.parse({});

describe('settings fields', () => {
  it('take their bounds from the contract', () => {
    const idle = securityNumberSettings.find((field) => field.key === 'idleTimeoutMinutes');
    expect(idle).toMatchObject({ min: 5, max: 30 });
    const yellow = proposalNumberSettings.find((field) => field.key === 'yellowAtPercent');
    expect(yellow).toMatchObject({ min: 1, max: 99 });
  });

  it("cover every security setting (numbers, and the administrators' authenticator switch)", () => {
    const shown = [...securityNumberSettings.map((field) => field.key), 'requireTotpForAdministrators'];
    expect(shown.sort()).toEqual(Object.keys(defaults.security).sort());
  });

  it('cover every proposal setting (numbers and switches; the result class scheme keeps its default here)', () => {
    const shown = [...proposalNumberSettings.map((field) => field.key), ...proposalSwitchSettings.map((item) => item.key)];
    expect(shown.sort()).toEqual(
      Object.keys(defaults.proposals)
        .filter((key) => key !== 'resultClasses')
        .sort(),
    );
  });
});

describe('settings patches', () => {
  it('send only the changed business keys, in the contract shape', () => {
    const values = { ...businessValuesOf(defaults), replyDueMonths: 2, opinionReportMaxCharacters: 2000 };
    expect(businessPatch(defaults, values)).toEqual({ proposals: { replyDueMonths: 2 }, opinionReportMaxCharacters: 2000 });
  });

  it('send nothing when nothing changed', () => {
    expect(businessPatch(defaults, businessValuesOf(defaults))).toEqual({});
    expect(securityPatch(defaults, { ...defaults.security })).toEqual({});
  });

  it('send only the changed security keys', () => {
    const values = { ...defaults.security, lockoutMinutes: 30, requireTotpForAdministrators: false };
    expect(securityPatch(defaults, values)).toEqual({ security: { lockoutMinutes: 30, requireTotpForAdministrators: false } });
  });

  it('map server field names onto the flat form', () => {
    expect(settingsFieldName('security.lockoutMinutes')).toBe('lockoutMinutes');
    expect(settingsFieldName('body.proposals.replyDueMonths')).toBe('replyDueMonths');
    expect(settingsFieldName('opinionReportMaxCharacters')).toBe('opinionReportMaxCharacters');
  });
});

describe('result class scheme', () => {
  it.each([
    [[{ code: ' A ', name: ' 已解决 ', needsFollowUp: false }], []],
    [[], ['至少要有一个答复类别']],
    [[{ code: 'A', name: '' }], ['每个类别都要填写代码和名称']],
    [
      [
        { code: 'A', name: '一' },
        { code: 'a', name: '二' },
      ],
      ['答复类别的代码不能重复'],
    ],
    [Array.from({ length: 11 }, (_, index) => ({ code: `K${index}`, name: `类${index}` })), ['答复类别最多 10 个']],
  ])('%j → %j', (rows, problems) => {
    expect(resultClassScheme(rows).problems).toEqual(problems);
  });

  it('trims the rows and sends the scheme only when it changed', () => {
    const { scheme } = resultClassScheme([{ code: ' 甲 ', name: ' 已解决 ' }]);
    expect(scheme).toEqual([{ code: '甲', name: '已解决', needsFollowUp: false }]);
    expect(resultClassesPatch(defaults, scheme)).toEqual({ proposals: { resultClasses: scheme } });
    expect(resultClassesPatch(defaults, defaults.proposals.resultClasses)).toBeNull();
  });
});
