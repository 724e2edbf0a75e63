/**
 * 登录: username or mobile number and password, then — as the account needs — the authenticator code, a forced
 * password change (the committee's rules shown), and authenticator enrolment; then the screen the user asked for.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Steps, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginResponse, Me } from '../../../../contracts/auth.ts';
import { ElderModeSwitch, ScriptSwitch } from '../../app/display-controls.tsx';
import { useEnvironment } from '../../app/environment.ts';
import { type LoginLocationState, logoutNotice } from '../../app/session-reasons.ts';
import { DemoBanner } from '../../components/demo-banner.tsx';
import { FullPageSpin } from '../../components/full-page-spin.tsx';
import { meQueryKey, pendingSteps, useLogout, useMe } from '../../features/auth/auth-api.ts';
import { PasswordChangeForm } from '../../features/auth/password-change-form.tsx';
import { TotpEnrollment } from '../../features/auth/totp-panel.tsx';
import { ApiError } from '../../lib/api.ts';
import { CredentialsStep } from './credentials-step.tsx';
import { SecondFactorStep } from './second-factor-step.tsx';

type Step = 'credentials' | 'second_factor' | 'password' | 'totp';

const stepTitles: Record<Step, string> = {
  credentials: '登录',
  second_factor: '输入动态验证码',
  password: '设置新密码',
  totp: '绑定动态验证码',
};

/** The step a logged-in user still has to take, or null when they may enter. */
function nextStep(me: Me): Step | null {
  const steps = pendingSteps(me);
  if (steps.includes('password')) return 'password';
  if (steps.includes('totp')) return 'totp';
  return null;
}

/** The steps the progress bar shows: those this login takes. */
function stepsShown(visited: Step[], me: Me | undefined): Step[] {
  const pending = pendingSteps(me);
  return (['credentials', 'second_factor', 'password', 'totp'] as Step[]).filter(
    (step) =>
      visited.includes(step) ||
      (step === 'password' && pending.includes('password')) ||
      (step === 'totp' && pending.includes('totp')),
  );
}

/** A safe place to go after login: an in-app path, never another site or the login screen itself. */
function destination(from: string | undefined): string {
  if (!from?.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return '/';
  return from;
}

/** The login screen. */
export function LoginPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const state = (location.state ?? null) as LoginLocationState;
  const environment = useEnvironment();
  const me = useMe();
  // After a failed refetch the cache still holds the last user: a lost session counts as nobody.
  const signedIn = me.isError ? undefined : me.data;
  const logout = useLogout();
  const [step, setStepState] = useState<Step>('credentials');
  const [visited, setVisited] = useState<Step[]>(['credentials']);
  const setStep = useCallback((next: Step) => {
    setStepState(next);
    setVisited((steps) => (steps.includes(next) ? steps : [...steps, next]));
  }, []);
  const [reason, setReason] = useState<string | undefined>(state?.reason);

  // A stale cookie tells why the session ended (idle, expired, revoked): show it once.
  useEffect(() => {
    if (me.error instanceof ApiError && !reason && me.error.code.startsWith('session_')) setReason(me.error.code);
  }, [me.error, reason]);

  // A session with a pending step (a reload during a forced password change) resumes at that step.
  useEffect(() => {
    if (signedIn && step === 'credentials') {
      const pending = nextStep(signedIn);
      if (pending) setStep(pending);
    }
  }, [signedIn, step, setStep]);

  const enter = (user: Me) => {
    client.setQueryData(meQueryKey, user);
    const pending = nextStep(user);
    if (pending) setStep(pending);
    else navigate(destination(state?.from), { replace: true });
  };

  const afterPassword = (response: LoginResponse) => {
    setReason(undefined);
    if (response.secondFactor === 'required') setStep('second_factor');
    else enter(response.user);
  };

  const restart = async () => {
    await logout.mutateAsync().catch(() => undefined);
    client.removeQueries({ queryKey: meQueryKey });
    setVisited(['credentials']);
    setStepState('credentials');
  };

  if (me.isPending && step === 'credentials') return <FullPageSpin />;
  if (signedIn && step === 'credentials' && !nextStep(signedIn)) return <Navigate to={destination(state?.from)} replace />;

  const notice = logoutNotice(reason);
  const productName = environment.data?.productName ?? '数字政协';
  const stepOrder = stepsShown(visited, signedIn);

  return (
    <div className="login-screen">
      <DemoBanner />
      <Flex justify="flex-end" gap={16} wrap className="login-toolbar">
        <ScriptSwitch />
        <ElderModeSwitch />
      </Flex>
      <Flex className="login-body" align="center" justify="center" gap={48} wrap>
        <div className="login-intro">
          <span className="login-emblem" aria-hidden>
            政
          </span>
          <Typography.Title level={1} className="login-product">
            {productName}
          </Typography.Title>
          <Typography.Paragraph className="login-tagline">提案 · 社情民意 · 协商议政 · 委员履职，一站办理</Typography.Paragraph>
        </div>
        <Card className="login-card" title={stepTitles[step]}>
          {step !== 'credentials' && (
            <Steps
              size="small"
              current={stepOrder.indexOf(step)}
              items={stepOrder.map((item) => ({ title: stepTitles[item] }))}
              className="login-steps"
            />
          )}
          {notice && step === 'credentials' && (
            <Alert type={notice.type} showIcon title={notice.text} role="status" style={{ marginBottom: 16 }} />
          )}
          {step === 'credentials' && <CredentialsStep onSuccess={afterPassword} />}
          {step === 'second_factor' && <SecondFactorStep onSuccess={(response) => enter(response.user)} onCancel={restart} />}
          {step === 'password' && signedIn && (
            <>
              <Alert type="info" showIcon title="首次登录或密码已被管理员重置，请先设置新密码" style={{ marginBottom: 16 }} />
              <PasswordChangeForm me={signedIn} onDone={enter} submitLabel="设置新密码并继续" />
            </>
          )}
          {step === 'totp' && (
            <>
              <Alert
                type="info"
                showIcon
                title="本会要求管理员账户绑定动态验证码，完成后方可继续使用"
                style={{ marginBottom: 16 }}
              />
              <TotpEnrollment onEnabled={enter} />
            </>
          )}
        </Card>
      </Flex>
      <Typography.Text type="secondary" className="login-footer">
        请妥善保管账户和密码；长时间未操作将自动退出。
      </Typography.Text>
    </div>
  );
}
