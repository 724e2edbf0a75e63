/**
 * /portal/:org/stations: the committee's liaison stations and member studios for the public — where they are, when
 * they open, which members are attached and who is on duty in the coming days. Nothing personal beyond members'
 * names.
 */
import { ArrowLeftOutlined, ClockCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { StationKind } from '../../../contracts/stations.ts';
import { dayLabel } from '../features/stations/station-rules.ts';
import { errorMessage } from '../lib/api.ts';
import { useText } from '../lib/i18n.tsx';
import { PortalNotFound } from './portal-not-found.tsx';
import { usePortalStations } from './portal-stations-api.ts';

export function PortalStationsPage() {
  const t = useText();
  const navigate = useNavigate();
  const org = useParams().org ?? '';
  const [kind, setKind] = useState<StationKind | ''>('');
  const { data, isLoading, error } = usePortalStations(org);
  if (error) return <PortalNotFound detail={errorMessage(error)} />;
  const items = (data?.items ?? []).filter((item) => !kind || item.kind === kind);
  return (
    <Flex vertical gap={16}>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => navigate(`/portal/${encodeURIComponent(org)}`)}
        >
          {t('返回提案公开')}
        </Button>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {data ? t(`${data.organization.name}委员联络站和委员工作室`) : <Skeleton.Input active />}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('委员定期在这里接待群众、听取意见。有事可在开放时间前来，也可在委员接待日当面反映。')}
        </Typography.Text>
      </div>
      <Segmented<StationKind | ''>
        value={kind}
        onChange={setKind}
        options={[
          { value: '', label: t('全部') },
          { value: 'station', label: t('委员联络站') },
          { value: 'studio', label: t('委员工作室') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {isLoading ? <Skeleton active /> : null}
      {!isLoading && items.length === 0 ? <Empty description={t('暂无公开的联络站或工作室')} /> : null}
      <Row gutter={[16, 16]}>
        {items.map((station) => (
          <Col key={station.id} xs={24} md={12}>
            <Card
              title={t(station.name)}
              extra={<Tag color={station.kind === 'station' ? 'red' : 'purple'}>{t(station.kindName)}</Tag>}
              style={{ height: '100%' }}
            >
              <Flex vertical gap={10}>
                <Typography.Text>
                  <EnvironmentOutlined /> {t(station.address)}
                </Typography.Text>
                <Typography.Text>
                  <ClockCircleOutlined /> {t(station.openingHours)}
                </Typography.Text>
                {station.memberNames.length ? (
                  <Typography.Text>
                    <TeamOutlined /> {t('驻站委员')}：{t(station.memberNames.join('、'))}
                  </Typography.Text>
                ) : null}
                {station.description ? (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t(station.description)}
                  </Typography.Paragraph>
                ) : null}
                {station.upcomingDutyDays.length ? (
                  <div>
                    <Typography.Text strong>{t('近期委员接待日')}</Typography.Text>
                    <Flex vertical gap={4} style={{ marginTop: 6 }}>
                      {station.upcomingDutyDays.map((duty) => (
                        <Typography.Text key={`${duty.date}-${duty.memberName}`}>
                          {t(dayLabel(duty.date))} · {t(duty.memberName)}
                        </Typography.Text>
                      ))}
                    </Flex>
                  </div>
                ) : null}
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
