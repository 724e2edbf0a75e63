/**
 * /portal/:org: one committee's public proposals — a search box (繁简通查, highlighted hits), the session filter,
 * the list (number, title, proposers, units, publication date), the session's handling figures, the awards and the
 * published appraisals. Filters live in the URL, so a link can be shared.
 */
import { Button, Card, Col, Empty, Flex, Input, List, Row, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { HighlightedText } from '../features/search/highlighted-text.tsx';
import { errorMessage } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useText } from '../lib/i18n.tsx';
import { MicroCountsCard } from './micro-counts-card.tsx';
import { usePortalAppraisals, usePortalAwards, usePortalList, usePortalSessions } from './portal-api.ts';
import { PortalNotFound } from './portal-not-found.tsx';
import { readPortalQuery, statisticsSession, writePortalQuery } from './portal-query.ts';
import { StationsLinkCard } from './stations-link-card.tsx';
import { StatisticsCard } from './statistics-card.tsx';

export function OrganizationPage() {
  const t = useText();
  const org = useParams().org ?? '';
  const [params, setParams] = useSearchParams();
  const query = readPortalQuery(params);
  const [words, setWords] = useState(query.q ?? '');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const sessions = usePortalSessions(org);
  const list = usePortalList(org, query, cursors[cursors.length - 1]);
  const awards = usePortalAwards(org);
  const appraisals = usePortalAppraisals(org);

  if (sessions.error) return <PortalNotFound detail={errorMessage(sessions.error)} />;
  const sessionItems = sessions.data?.items ?? [];
  const change = (next: typeof query) => {
    setParams(writePortalQuery(next), { replace: false });
    setCursors([undefined]);
  };
  const answer = list.data;
  const nextCursor = answer?.page.nextCursor ?? null;
  const link = (id: string) => `/portal/${encodeURIComponent(org)}/proposals/${id}`;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {sessions.data ? t(sessions.data.organization.name) : <Skeleton.Input active />}
        </Typography.Title>
        <Typography.Text type="secondary">{t('已公开的提案及承办单位答复')}</Typography.Text>
      </div>
      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            aria-label={t('搜索公开的提案')}
            placeholder={t('输入关键词，如：加装电梯、停车')}
            enterButton={t('搜索')}
            size="large"
            allowClear
            value={words}
            onChange={(event) => setWords(event.target.value)}
            onSearch={(value) => change({ ...query, q: value.trim() || undefined })}
          />
          <Flex gap={12} wrap align="center">
            <Select
              aria-label={t('会议')}
              style={{ minWidth: 220 }}
              value={query.sessionId ?? ''}
              onChange={(value: string) => change({ ...query, sessionId: value || undefined })}
              options={[
                { value: '', label: t('全部会议') },
                ...sessionItems.map((session) => ({
                  value: session.id,
                  label: `${t(session.name)}（${session.publishedCount}）`,
                })),
              ]}
            />
            {query.q ? (
              <Segmented
                aria-label={t('排序')}
                value={query.sort ?? 'relevance'}
                onChange={(value) => change({ ...query, sort: value as 'relevance' | 'newest' })}
                options={[
                  { value: 'relevance', label: t('相关度') },
                  { value: 'newest', label: t('最新') },
                ]}
              />
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={
              query.q
                ? `${t('搜索结果')}${answer?.kind === 'search' ? `（${answer.page.total}${answer.page.totalCapped ? '+' : ''}）` : ''}`
                : t('公开的提案')
            }
          >
            {list.error ? <Typography.Text type="danger">{t(errorMessage(list.error))}</Typography.Text> : null}
            {list.isLoading ? <Skeleton active /> : null}
            {answer?.kind === 'search' ? (
              <List
                dataSource={answer.page.items}
                locale={{ emptyText: <Empty description={t('没有找到相关的公开提案')} /> }}
                renderItem={(hit) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Link to={link(hit.id)}>
                          {hit.number ? `${t('第')}${hit.number}${t('号')} ` : ''}
                          <HighlightedText parts={hit.titleParts} fallback={hit.title} />
                        </Link>
                      }
                      description={<HighlightedText parts={hit.snippet} />}
                    />
                  </List.Item>
                )}
              />
            ) : null}
            {answer?.kind === 'list' ? (
              <List
                dataSource={answer.page.items}
                locale={{ emptyText: <Empty description={t('暂无公开的提案')} /> }}
                renderItem={(item) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Link to={link(item.id)}>
                          {item.number ? `${t('第')}${item.number}${t('号')} ` : ''}
                          {t(item.title)}
                        </Link>
                      }
                      description={
                        <Space size={[8, 4]} wrap>
                          <span>{t(item.proposerNames.join('、'))}</span>
                          {item.unitNames.length ? <span>{t(`承办：${item.unitNames.join('、')}`)}</span> : null}
                          {item.categoryName ? <Tag>{t(item.categoryName)}</Tag> : null}
                          {item.mode === 'partly_published' ? <Tag color="cyan">{t('部分公开')}</Tag> : null}
                          <span>{formatDate(item.publishedAt)}</span>
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            ) : null}
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
            <StatisticsCard org={org} sessionId={statisticsSession(sessionItems, query.sessionId)} />
            <StationsLinkCard org={org} />
            <MicroCountsCard
              org={org}
              year={new Date().getFullYear()}
              extra={<Link to={`/portal/${encodeURIComponent(org)}/micro-suggestions`}>{t('查看微建议')}</Link>}
            />
            <Card size="small" title={t('优秀提案与先进承办单位')}>
              <List
                size="small"
                dataSource={awards.data?.items ?? []}
                locale={{ emptyText: t('暂无表彰') }}
                renderItem={(award) => (
                  <List.Item>
                    <Typography.Text>
                      <Tag color="gold">
                        {award.year} {t(award.kindName)}
                      </Tag>
                      {t(award.proposalTitle ?? award.unitName ?? '')}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
            {(appraisals.data?.items ?? []).map((appraisal) => (
              <Card key={appraisal.appraisalId} size="small" title={`${t('民主评议')} · ${t(appraisal.title)}`}>
                <List
                  size="small"
                  dataSource={[...appraisal.items].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
                  renderItem={(item) => (
                    <List.Item extra={item.valid && item.average !== null ? item.average.toFixed(1) : t('评分人数不足')}>
                      <Typography.Text>
                        {item.rank ? `${item.rank}. ` : ''}
                        {t(item.unitName)}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            ))}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
