/**
 * The bell in the header: a badge with the unread count, and the latest notices in a popover (a drawer on a
 * phone). Clicking a notice marks it read and opens what it is about; 全部已读 clears the badge.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { usePhone } from '../../app/use-phone.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { badgeText, notificationPath } from './notification-rules.ts';
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from './notifications-api.ts';

/** The bell with its list. */
export function NotificationBell() {
  const t = useText();
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const notices = useNotifications();
  const unread = notices.data?.unreadCount ?? 0;
  const label = unread > 0 ? `${t('通知')}（${t('未读')} ${badgeText(unread)}）` : t('通知');

  const content = <NoticeList onOpened={() => setOpen(false)} query={notices} />;
  const bell = (
    <Button type="text" aria-label={label} onClick={phone ? () => setOpen(true) : undefined} className="notification-bell">
      <Badge count={unread} overflowCount={99} size="small" offset={[2, -2]}>
        <BellOutlined style={{ fontSize: '1.25rem' }} />
      </Badge>
    </Button>
  );

  if (phone) {
    return (
      <>
        {bell}
        <Drawer
          placement="right"
          open={open}
          onClose={() => setOpen(false)}
          size="100%"
          title={t('通知')}
          styles={{ body: { padding: 0 } }}
        >
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={<div style={{ width: 380, maxWidth: '90vw' }}>{content}</div>}
      styles={{ container: { padding: 0 } }}
      arrow={false}
    >
      {bell}
    </Popover>
  );
}

/** The list with its 全部已读 line. */
function NoticeList({ onOpened, query }: { onOpened: () => void; query: ReturnType<typeof useNotifications> }) {
  const t = useText();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = query.data?.items ?? [];
  const unread = query.data?.unreadCount ?? 0;

  const openNotice = (notice: Notification) => {
    if (!notice.readAt) markRead.mutate(notice.id);
    const path = notificationPath(notice.link, window.location.origin);
    onOpened();
    if (path) navigate(path);
  };

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ padding: '10px 16px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>
          {t('通知')}
          {unread > 0 ? `（${t('未读')} ${badgeText(unread)}）` : ''}
        </Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('全部已读')}
        </Button>
      </Flex>
      <div style={{ maxHeight: '70vh', overflowY: 'auto' }}>
        {query.isError ? (
          <Typography.Paragraph type="secondary" style={{ padding: 16, margin: 0 }}>
            {t('暂时无法加载通知')}
          </Typography.Paragraph>
        ) : (
          <List
            loading={query.isPending}
            dataSource={items}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无通知')} /> }}
            renderItem={(notice) => (
              <List.Item
                onClick={() => openNotice(notice)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    openNotice(notice);
                  }
                }}
                tabIndex={0}
                role="button"
                style={{
                  cursor: 'pointer',
                  padding: '10px 16px',
                  background: notice.readAt ? undefined : '#f0f6ff',
                  display: 'block',
                }}
              >
                <Flex align="flex-start" gap={8}>
                  {!notice.readAt ? <Badge status="processing" style={{ marginTop: 2 }} /> : <span style={{ width: 6 }} />}
                  <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text strong={!notice.readAt}>{notice.title}</Typography.Text>
                    {notice.body ? (
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {notice.body}
                      </Typography.Paragraph>
                    ) : null}
                    <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                      {formatDateTime(notice.createdAt)}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </div>
    </div>
  );
}
