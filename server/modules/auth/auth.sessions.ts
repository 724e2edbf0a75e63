import type { SessionAuthority } from '../../platform/auth/session-authority.ts';
import { forbidden, unauthorized } from '../../platform/http/problem.ts';
import { blockingStep, type PendingStep } from './auth.policy.ts';
import { lookupSession } from './login-sessions.ts';

const pendingStepProblems: Record<PendingStep, () => ReturnType<typeof forbidden>> = {
  second_factor: () => unauthorized('请先输入动态验证码完成登录', 'session_second_factor_pending'),
  password_change: () => forbidden('首次登录或密码已被重置，请先修改密码', 'password_change_required'),
  totp_enrollment: () => forbidden('本会要求管理员账户绑定动态验证码，请先完成绑定', 'totp_enrollment_required'),
};

/** The auth module's answer to the platform's authentication hook: sessions, their pending steps and refusals. */
export const sessionAuthority: SessionAuthority = {
  lookup: lookupSession,
  blockingStep: (pending, allowed) => blockingStep(pending as PendingStep[], allowed as PendingStep[]),
  pendingStepProblem: (step) => (pendingStepProblems[step as PendingStep] ?? pendingStepProblems.second_factor)(),
};
