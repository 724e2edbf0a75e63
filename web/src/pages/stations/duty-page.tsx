import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../features/auth/auth-api.ts';
import { DutyCalendar } from '../../features/stations/duty-calendar.tsx';
import { StationSelect } from '../../features/stations/station-select.tsx';
import { useStation } from '../../features/stations/stations-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, useFilterFieldStyle, useIsPhone } from '../admin/shared/admin-ui.tsx';

/**
 * 接待日安排: the duty-day calendar. The office sees every station (or one) and schedules at any; station staff see
 * and schedule their own station's.
 */
export function DutyPage() {
  const t = useT();
  const me = useMe().data;
  const phone = useIsPhone();
  const filterStyle = useFilterFieldStyle(240);
  const office = me?.roles.includes('proposal_office') ?? false;
  const ownStation = office ? null : (me?.stationId ?? null);
  const station = useStation(ownStation);
  const [chosen, setChosen] = useState<string | null>(null);
  const stationId = office ? chosen : ownStation;

  if (!office && !ownStation) {
    return (
      <Card>
        <Typography.Text type="secondary">{t('您的账户尚未关联联络站，请联系系统管理员。')}</Typography.Text>
      </Card>
    );
  }
  return (
    <div>
      <PageTitle
        title="接待日安排"
        extra={
          office ? <StationSelect value={chosen} onChange={setChosen} placeholder="全部联络站" style={filterStyle} /> : undefined
        }
      />
      <Flex vertical gap={12}>
        {ownStation && station.data ? (
          <Typography.Text type="secondary">
            {t(station.data.name)} · {t(station.data.openingHours)}
          </Typography.Text>
        ) : null}
        <Card size={phone ? 'small' : 'default'}>
          <DutyCalendar stationId={stationId} canSchedule showStation={!stationId} showMember />
        </Card>
      </Flex>
    </div>
  );
}
