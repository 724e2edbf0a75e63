/**
 * The logged-in frame: the side menu (filtered by the user's roles), the header with the committee's name and the
 * display switches (and, for the staff, the 全文检索 box), the demo banner, and the screen. On a phone (≤ 768px) the menu moves into a drawer.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, type MenuProps, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../contracts/auth.ts';
import { DemoBanner } from '../components/demo-banner.tsx';
import { NotificationBell } from '../features/notifications/notification-bell.tsx';
import { HeaderSearchBox } from '../features/search/header-search-box.tsx';
import { maySearch } from '../features/search/search-roles.ts';
import { ElderModeSwitch, ScriptSwitch } from './display-controls.tsx';
import { useElderMode } from './elder-mode.tsx';
import { screenLink, selectedMenuKey, visibleRoutes } from './navigation-rules.ts';
import { type AppScreen, appScreens } from './screens.tsx';
import { useIdleWatch } from './session-watch.ts';
import { usePhone } from './use-phone.ts';
import { UserMenu } from './user-menu.tsx';

type MenuItems = NonNullable<MenuProps['items']>;

/** The menu items of the screens, grouped by their `group`. */
function menuItems(screens: AppScreen[]): MenuItems {
  const items: MenuItems = [];
  const groups = new Map<string, { key: string; label: string; icon?: ReactNode }[]>();
  for (const screen of screens) {
    const item = { key: screenLink(screen.path), label: screen.label, icon: screen.icon };
    if (!screen.group) {
      items.push(item);
      continue;
    }
    if (!groups.has(screen.group)) {
      const children: { key: string; label: string; icon?: ReactNode }[] = [];
      groups.set(screen.group, children);
      items.push({ type: 'group', key: `group:${screen.group}`, label: screen.group, children });
    }
    groups.get(screen.group)?.push(item);
  }
  return items;
}

/** The brand at the top of the menu: the emblem band and the committee's name. */
function Brand({ me }: { me: Me }) {
  return (
    <Flex align="center" gap={10} className="brand">
      <span className="brand-mark" aria-hidden>
        政
      </span>
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text strong ellipsis className="brand-name">
          {me.organization.name}
        </Typography.Text>
        <Typography.Text type="secondary" className="brand-product">
          数字政协
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/** The frame of every logged-in screen. */
export function AppLayout({ me }: { me: Me }) {
  const phone = usePhone();
  const { enabled: elder } = useElderMode();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  useIdleWatch(me);

  const screens = useMemo(() => visibleRoutes(appScreens(), me.roles), [me.roles]);
  const items = useMemo(() => menuItems(screens), [screens]);
  const selected = selectedMenuKey(
    location.pathname,
    screens.map((screen) => screenLink(screen.path)),
  );

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
      className="side-menu"
      aria-label="主菜单"
    />
  );

  return (
    <Layout className="app-layout">
      <DemoBanner />
      <Layout>
        {!phone && (
          <Layout.Sider width={elder ? 280 : 232} className="app-sider" theme="light">
            <Brand me={me} />
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header className="app-header">
            {phone ? (
              <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
                <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label="打开菜单" />
                <Typography.Text strong ellipsis className="header-title">
                  {me.organization.name}
                </Typography.Text>
              </Flex>
            ) : (
              <Typography.Text strong ellipsis className="header-title">
                {me.organization.name} · 数字政协
              </Typography.Text>
            )}
            <Flex align="center" gap={16} className="header-actions">
              {/* The elder mode's larger type leaves no room for the box beside the font sizes: the button opens the screen. */}
              {maySearch(me.roles) && <HeaderSearchBox compact={phone || elder} />}
              {!phone && <ScriptSwitch />}
              {!phone && <ElderModeSwitch />}
              <NotificationBell />
              <UserMenu me={me} compact={phone} />
            </Flex>
          </Layout.Header>
          <Layout.Content className="app-content">
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={elder ? 320 : 280}
          title={<Brand me={me} />}
          styles={{ body: { padding: 8 } }}
        >
          {menu}
          <Flex vertical gap={16} className="drawer-controls">
            <ScriptSwitch />
            <ElderModeSwitch />
          </Flex>
        </Drawer>
      )}
    </Layout>
  );
}
