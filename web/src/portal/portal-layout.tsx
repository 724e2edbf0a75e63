/**
 * The portal's own frame: a red header with the portal's name and the display switches (简/繁, 长者模式), the page,
 * and a footer saying what the portal holds. No login, no menu: it reads well on a phone.
 */
import { Flex, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { ElderModeSwitch, ScriptSwitch } from '../app/display-controls.tsx';
import { useText } from '../lib/i18n.tsx';

export function PortalLayout() {
  const t = useText();
  return (
    <>
      <header className="portal-header">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ maxWidth: 1080, margin: '0 auto' }}>
          <Link to="/portal" style={{ fontSize: '1.25em', fontWeight: 600 }}>
            {t('政协提案公开')}
          </Link>
          <Flex gap={12} align="center" wrap className="portal-switches">
            <ScriptSwitch />
            <span style={{ background: '#fff', borderRadius: 6, padding: '2px 8px' }}>
              <ElderModeSwitch showScale={false} />
            </span>
          </Flex>
        </Flex>
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <Typography.Text type="secondary">
          {t('本页公开经提案人同意、政协提案委员会审核的提案及承办单位答复；联系人、电话等个人信息已去除。')}
        </Typography.Text>
      </footer>
    </>
  );
}
