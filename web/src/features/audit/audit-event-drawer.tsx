import { Button, Col, Descriptions, Drawer, Row, Spin, Tag, Typography, theme } from 'antd';
import { eventResultNames } from '../../../../contracts/audit.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { useAuditEvent } from './audit-api.ts';
import { eventTypeName, prettyJson } from './event-types.ts';

/** A before/after value as indented JSON. */
function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const t = useT();
  const { token } = theme.useToken();
  const text = prettyJson(value);
  return (
    <div>
      <Typography.Text strong>{t(title)}</Typography.Text>
      <pre
        style={{
          marginTop: 8,
          padding: 12,
          background: token.colorFillQuaternary,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: 6,
          maxHeight: 360,
          overflow: 'auto',
          fontSize: '0.85em',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {text ?? t('（无）')}
      </pre>
    </div>
  );
}

/** One audit event in full: who, when, what, result, the change before and after, and its hash-chain link. */
export function AuditEventDrawer(props: {
  eventId: string | null;
  onClose: () => void;
  onFilterSubject: (subjectType: string, subjectId: string) => void;
}) {
  const t = useT();
  const size = useDrawerSize(820);
  const { data: event, isLoading, error } = useAuditEvent(props.eventId);
  const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const, fontSize: '0.85em' };
  return (
    <Drawer open={props.eventId !== null} onClose={props.onClose} size={size} title={t('审计记录详情')} destroyOnHidden>
      {error ? (
        <Typography.Text type="danger">{t('加载失败，请重试')}</Typography.Text>
      ) : isLoading || !event ? (
        <Spin />
      ) : (
        <>
          <Descriptions bordered column={1} size="small" styles={{ label: { width: 110 } }}>
            <Descriptions.Item label={t('序号')}>{event.sequence}</Descriptions.Item>
            <Descriptions.Item label={t('时间')}>{formatDateTime(event.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('操作人')}>
              {event.actorName ?? t('（系统或未登录）')}
              {event.actorId ? <div style={mono}>{event.actorId}</div> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('事件')}>
              {t(eventTypeName(event.type))} <Typography.Text type="secondary">{event.type}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('摘要')}>{t(event.summary)}</Descriptions.Item>
            <Descriptions.Item label={t('对象')}>
              {event.subjectType ? (
                <>
                  {event.subjectType}
                  {event.subjectId ? <div style={mono}>{event.subjectId}</div> : null}
                  {event.subjectId ? (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      onClick={() => props.onFilterSubject(event.subjectType!, event.subjectId!)}
                    >
                      {t('查看该对象的全部记录')}
                    </Button>
                  ) : null}
                </>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('结果')}>
              <Tag color={event.result === 'success' ? 'green' : 'red'}>{t(eventResultNames[event.result])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('IP 地址')}>{event.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('请求编号')}>
              <span style={mono}>{event.requestId ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('哈希算法')}>
              {event.hashVersion >= 2
                ? `HMAC-${event.hashAlgorithm.toUpperCase()}`
                : `${event.hashAlgorithm.toUpperCase()} ${t('（升级前的旧格式，无密钥）')}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('前一条哈希')}>
              <span style={mono}>{event.previousHash}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('本条哈希')}>
              <span style={mono}>{event.hash}</span>
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} md={12}>
              <JsonBlock title="修改前" value={event.before} />
            </Col>
            <Col xs={24} md={12}>
              <JsonBlock title="修改后" value={event.after} />
            </Col>
          </Row>
        </>
      )}
    </Drawer>
  );
}
