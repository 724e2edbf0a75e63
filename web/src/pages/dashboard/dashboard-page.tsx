/**
 * 工作台: what waits for the user, phone first (decision 0017). One query (GET /workbench) answers every card of the
 * user's roles; each card opens its filtered list. The role's main job is one big button; the second-factor
 * suggestion is a notice the user may close. Cards are drawn through the registry in features/workbench, so
 * modules add cards without changing this page.
 */
import { EditOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { screenLink, visibleRoutes } from '../../app/navigation-rules.ts';
import { appScreens, dashboardScreen } from '../../app/screens.tsx';
import { usePhone } from '../../app/use-phone.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import { rendererFor } from '../../features/workbench/card-registry.tsx';
import { SecondFactorNotice } from '../../features/workbench/second-factor-notice.tsx';
import { useWorkbench } from '../../features/workbench/workbench-api.ts';
import { WaitingItems } from '../../features/workbench/workbench-cards.tsx';
import { primaryActionFor, waitingItems } from '../../features/workbench/workbench-rules.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate, greetingFor } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';

/** The workbench. */
export function DashboardPage() {
  const t = useText();
  const phone = usePhone();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const workbench = useWorkbench();
  if (!me) return null;
  const action = primaryActionFor(me.roles);
  const cards = workbench.data?.cards ?? [];
  const grid = cards.filter((card) => !rendererFor(card).wide);
  const wide = cards.filter((card) => rendererFor(card).wide);
  const items = waitingItems(cards);

  return (
    <Flex vertical gap={16} className="workbench">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div className="workbench-head">
          <Typography.Title level={3}>
            {t(greetingFor())}，{me.displayName}
          </Typography.Title>
          <span className="workbench-sub">
            {me.organization.name} · {t('今天是')} {formatDate(workbench.data?.today ?? new Date())}
          </span>
        </div>
        {action ? (
          <Button
            type="primary"
            size="large"
            block={phone}
            className="wb-primary"
            icon={action.key === 'write' ? <EditOutlined /> : <RightOutlined />}
            onClick={() => navigate(action.link)}
          >
            {t(action.label)}
          </Button>
        ) : null}
      </Flex>

      {workbench.isPending ? (
        <Row gutter={[12, 12]}>
          {[0, 1, 2, 3].map((index) => (
            <Col key={index} xs={12} sm={8} lg={6}>
              <Card size="small">
                <Skeleton active paragraph={{ rows: 1 }} title={false} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      {workbench.isError ? (
        <Alert
          type="warning"
          showIcon
          title={t('待办加载失败')}
          description={t(errorMessage(workbench.error))}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void workbench.refetch()}>
              {t('重试')}
            </Button>
          }
        />
      ) : null}

      {grid.length > 0 ? (
        <Row gutter={[12, 12]} className="wb-grid">
          {grid.map((card) => (
            <Col key={card.key} xs={12} sm={8} lg={grid.length <= 3 ? 8 : 6} xxl={grid.length <= 4 ? undefined : 4}>
              {rendererFor(card).render(card)}
            </Col>
          ))}
        </Row>
      ) : null}
      {wide.map((card) => (
        <div key={card.key}>{rendererFor(card).render(card)}</div>
      ))}
      {items.length > 0 ? <WaitingItems items={items} /> : null}
      <SecondFactorNotice userId={me.id} enabled={me.totpEnabled} />
      {workbench.isSuccess && cards.length === 0 ? <Shortcuts roles={me.roles} /> : null}
    </Flex>
  );
}

/** For a role with nothing counted on the workbench (yet): the screens it may open. */
function Shortcuts({ roles }: { roles: Parameters<typeof visibleRoutes>[1] }) {
  const t = useText();
  const screens = visibleRoutes(appScreens(), roles).filter((screen) => screen !== dashboardScreen);
  return (
    <Card title={t('常用功能')} size="small">
      <Row gutter={[12, 12]}>
        {screens.map((screen) => (
          <Col key={screen.path} xs={24} sm={12} lg={8}>
            <Link to={screenLink(screen.path)} className="shortcut" aria-label={t(screen.label)}>
              <span className="shortcut-icon" aria-hidden>
                {screen.icon}
              </span>
              <span className="shortcut-text">
                <span className="shortcut-label">{t(screen.label)}</span>
                {screen.description ? <span className="shortcut-description">{t(screen.description)}</span> : null}
              </span>
              <RightOutlined className="shortcut-arrow" aria-hidden />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
