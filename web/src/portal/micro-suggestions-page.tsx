/**
 * /portal/:org/micro-suggestions: the resolved micro-suggestions the office published — each with its before and
 * after photo, place, members and the unit that solved it — searchable by place, and the counts (raised, resolved,
 * average days to resolve).
 */
import { ArrowLeftOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Image, Input, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useText } from '../lib/i18n.tsx';
import { MicroCountsCard } from './micro-counts-card.tsx';
import { type PortalMicroSummary, usePortalMicroList } from './micro-suggestions-api.ts';
import { PortalNotFound } from './portal-not-found.tsx';

/** A square photo of the list, or an empty square saying there is none. */
function Thumb({ url, label }: { url: string | undefined; label: string }) {
  const t = useText();
  const size = '4.75rem';
  return (
    <Flex vertical align="center" gap={2}>
      {url ? (
        <Image
          src={url}
          width={size}
          height={size}
          preview={false}
          alt={t(label)}
          style={{ objectFit: 'cover', borderRadius: 6 }}
        />
      ) : (
        <Flex
          align="center"
          justify="center"
          style={{ width: size, height: size, borderRadius: 6, background: '#f0f0f0', color: '#999', fontSize: '0.8em' }}
        >
          {t('无照片')}
        </Flex>
      )}
      <Typography.Text type="secondary" style={{ fontSize: '0.8em' }}>
        {t(label)}
      </Typography.Text>
    </Flex>
  );
}

/** One row: the photos, title, place, members, unit, dates. */
function MicroListItem({ item, to }: { item: PortalMicroSummary; to: string }) {
  const t = useText();
  return (
    <List.Item style={{ paddingInline: 0 }}>
      <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
        <Link to={to} aria-label={t(item.title)} style={{ display: 'flex', gap: 6, flexShrink: 0 }}>
          <Thumb url={item.beforePhoto?.url} label="办理前" />
          <Thumb url={item.afterPhoto?.url} label="办理后" />
        </Link>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Link to={to} style={{ fontWeight: 600, fontSize: '1.05em' }}>
            {t(item.title)}
          </Link>
          {item.place ? (
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {t(item.place)}
            </Typography.Text>
          ) : null}
          <Flex gap={6} wrap align="center" style={{ fontSize: '0.9em' }}>
            {item.handlingMode === 'member' ? (
              <Tag color="purple">{t('委员领办')}</Tag>
            ) : item.unitName ? (
              <Tag color="blue">{t(item.unitName)}</Tag>
            ) : null}
            <Typography.Text type="secondary">{t(item.memberNames.join('、'))}</Typography.Text>
            <Typography.Text type="secondary">
              {t('办结于')} {formatDate(item.resolvedOn)}
            </Typography.Text>
          </Flex>
        </Flex>
      </Flex>
    </List.Item>
  );
}

export function PortalMicroListPage() {
  const t = useText();
  const org = useParams().org ?? '';
  const [params, setParams] = useSearchParams();
  const place = params.get('place')?.trim() || undefined;
  const [words, setWords] = useState(place ?? '');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const list = usePortalMicroList(org, place, cursors[cursors.length - 1]);
  if (list.error && !list.data) return <PortalNotFound detail={errorMessage(list.error)} />;
  const rows = list.data?.items ?? [];
  const nextCursor = list.data?.nextCursor ?? null;
  const back = `/portal/${encodeURIComponent(org)}`;
  const link = (id: string) => `${back}/micro-suggestions/${id}`;
  return (
    <Flex vertical gap={16}>
      <div>
        <Link to={back}>
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {t('返回提案公开')}
          </Button>
        </Link>
        <Typography.Title level={2} style={{ margin: '4px 0' }}>
          {t('微建议办理公开')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('委员聚焦群众身边事提出的微建议，以及解决前后的对比')}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Input.Search
              aria-label={t('按地点查找')}
              placeholder={t('输入街道或社区，如：城关街道')}
              enterButton={t('查找')}
              allowClear
              value={words}
              onChange={(event) => setWords(event.target.value)}
              onSearch={(value) => {
                const next = new URLSearchParams(params);
                if (value.trim()) next.set('place', value.trim());
                else next.delete('place');
                setParams(next);
                setCursors([undefined]);
              }}
              style={{ marginBottom: 8 }}
            />
            {list.isLoading ? <Skeleton active /> : null}
            <List
              dataSource={rows}
              locale={{ emptyText: <Empty description={t(place ? '这个地点暂无公开的微建议' : '暂无公开的微建议')} /> }}
              renderItem={(item) => <MicroListItem item={item} to={link(item.id)} />}
            />
            <Flex justify="flex-end" gap={8} style={{ marginTop: 8 }}>
              <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('上一页')}
              </Button>
              <Button disabled={!nextCursor} onClick={() => setCursors([...cursors, nextCursor ?? undefined])}>
                {t('下一页')}
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <MicroCountsCard org={org} year={new Date().getFullYear()} />
            <MicroCountsCard org={org} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
