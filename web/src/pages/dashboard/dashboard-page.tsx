/** 工作台: a welcome, the user's committee and roles, account reminders, and shortcuts to the screens they may use. */
import { RightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { roleNames } from '../../../../contracts/roles.ts';
import { screenLink, visibleRoutes } from '../../app/navigation-rules.ts';
import { appScreens, dashboardScreen } from '../../app/screens.tsx';
import { useMe } from '../../features/auth/auth-api.ts';
import { formatDate, greetingFor } from '../../lib/format.ts';

/** The dashboard. */
export function DashboardPage() {
  const { data: me } = useMe();
  if (!me) return null;
  const shortcuts = visibleRoutes(appScreens(), me.roles).filter((screen) => screen !== dashboardScreen);

  return (
    <Flex vertical gap={16} className="dashboard">
      <Card className="welcome-card">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {greetingFor()}，{me.displayName}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              今天是 {formatDate(new Date())}，欢迎使用{me.organization.name}数字政协平台。
            </Typography.Paragraph>
            <Flex gap={8} wrap align="center">
              <Typography.Text>我的角色：</Typography.Text>
              {me.roles.length === 0 && <Typography.Text type="secondary">暂未分配角色，请联系管理员</Typography.Text>}
              {me.roles.map((role) => (
                <Tag key={role} color="blue">
                  {roleNames[role] ?? role}
                </Tag>
              ))}
            </Flex>
          </div>
          <Flex vertical align="flex-end" className="welcome-org">
            <Typography.Text type="secondary">所属政协</Typography.Text>
            <Typography.Text strong>{me.organization.name}</Typography.Text>
          </Flex>
        </Flex>
      </Card>

      {!me.totpEnabled && (
        <Alert
          type="info"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title="建议绑定动态验证码"
          description="绑定后登录需输入手机验证器应用中的 6 位验证码，即使密码泄露账户也不会被盗用。"
          action={
            <Link to="/account#totp">
              <Button size="small">去绑定</Button>
            </Link>
          }
        />
      )}

      <Card title="常用功能">
        <Row gutter={[12, 12]}>
          {shortcuts.map((screen) => (
            <Col key={screen.path} xs={24} sm={12} lg={8} xxl={6}>
              <Link to={screenLink(screen.path)} className="shortcut" aria-label={screen.label}>
                <span className="shortcut-icon" aria-hidden>
                  {screen.icon}
                </span>
                <span className="shortcut-text">
                  <span className="shortcut-label">{screen.label}</span>
                  {screen.description && <span className="shortcut-description">{screen.description}</span>}
                  {!screen.description && screen.group && <span className="shortcut-description">{screen.group}</span>}
                </span>
                <RightOutlined className="shortcut-arrow" aria-hidden />
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}
