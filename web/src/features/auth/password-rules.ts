/** The committee's password rules as a checklist, ticked as the user types (the server checks the same rules). */
import { type PasswordRules, passwordClasses } from '../../../../contracts/auth.ts';

/** One password rule and whether the typed password meets it (null while nothing is typed). */
export type RuleCheck = { label: string; met: boolean | null };

/** The committee's rules as a checklist of the typed password (same rules the server checks). */
export function passwordRuleChecks(
  password: string,
  rules: PasswordRules,
  context: { username?: string; currentPassword?: string } = {},
): RuleCheck[] {
  const typed = password.length > 0;
  const classes = Object.values(passwordClasses(password)).filter(Boolean).length;
  const username = context.username?.trim().toLowerCase() ?? '';
  return [
    { label: `至少 ${rules.passwordMinLength} 位`, met: typed ? [...password].length >= rules.passwordMinLength : null },
    {
      label: `包含小写字母、大写字母、数字、符号中的至少 ${rules.passwordMinClasses} 类`,
      met: typed ? classes >= rules.passwordMinClasses : null,
    },
    {
      label: '不能包含用户名',
      met: typed ? !(username.length >= 3 && password.toLowerCase().includes(username)) : null,
    },
    { label: '不能与当前密码相同', met: typed && context.currentPassword ? password !== context.currentPassword : null },
  ];
}
