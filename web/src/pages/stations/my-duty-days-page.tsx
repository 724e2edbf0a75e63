import { Card, Typography } from 'antd';
import { useMe } from '../../features/auth/auth-api.ts';
import { DutyCalendar } from '../../features/stations/duty-calendar.tsx';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, useIsPhone } from '../admin/shared/admin-ui.tsx';

/** 我的接待日: a member's own duty days at liaison stations and studios, by month. */
export function MyDutyDaysPage() {
  const t = useT();
  const me = useMe().data;
  const phone = useIsPhone();
  if (!me?.memberId) {
    return (
      <Card>
        <Typography.Text type="secondary">{t('您的账户尚未关联委员信息。')}</Typography.Text>
      </Card>
    );
  }
  return (
    <div>
      <PageTitle title="我的接待日" />
      <Card size={phone ? 'small' : 'default'}>
        <DutyCalendar memberId={me.memberId} canSchedule={false} showStation showMember={false} />
      </Card>
    </div>
  );
}
