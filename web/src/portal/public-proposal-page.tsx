/** /portal/:org/proposals/:id: one published proposal — its text and every unit's reply, as the public reads them. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { proposalFieldLabels } from '../../../contracts/proposals.ts';
import { errorMessage } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useText } from '../lib/i18n.tsx';
import { usePortalProposal } from './portal-api.ts';
import { PortalNotFound } from './portal-not-found.tsx';

export function PublicProposalPage() {
  const t = useText();
  const navigate = useNavigate();
  const { org = '', id = '' } = useParams();
  const { data, isLoading, error } = usePortalProposal(org, id);
  if (error) return <PortalNotFound detail={errorMessage(error)} />;
  if (isLoading || !data) return <Skeleton active />;
  const back = `/portal/${encodeURIComponent(org)}`;
  return (
    <Flex vertical gap={16}>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate(back))}
        >
          {t('返回列表')}
        </Button>
      </div>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {data.number ? `${t('第')}${data.number}${t('号')} ` : ''}
          {t(data.title)}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'proposers', label: t('提案人'), children: t(data.proposerNames.join('、')) },
            { key: 'session', label: t('会议'), children: t(data.sessionName) },
            { key: 'category', label: t('类别'), children: data.categoryName ? t(data.categoryName) : '—' },
            {
              key: 'published',
              label: t('公开日期'),
              children: (
                <>
                  {formatDate(data.publishedAt)}{' '}
                  {data.mode === 'partly_published' ? <Tag color="cyan">{t('部分公开')}</Tag> : null}
                </>
              ),
            },
          ]}
        />
        <Typography.Title level={5}>{t(proposalFieldLabels.background)}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t(data.background)}</Typography.Paragraph>
        <Typography.Title level={5}>{t(proposalFieldLabels.suggestions)}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t(data.suggestions)}</Typography.Paragraph>
      </Card>
      {data.replies.map((reply) => (
        <Card
          key={reply.replyId}
          size="small"
          title={`${t(reply.unitName)} · ${t(reply.kind === 'follow_up' ? '后续办理情况' : reply.round > 1 ? `第 ${reply.round} 次答复` : '答复')}`}
          extra={
            <Flex gap={8} align="center">
              {reply.resultClassName ? <Tag color="blue">{t(reply.resultClassName)}</Tag> : null}
              {reply.sentOn ? <Typography.Text type="secondary">{formatDate(reply.sentOn)}</Typography.Text> : null}
            </Flex>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{t(reply.text)}</Typography.Paragraph>
        </Card>
      ))}
      {data.replies.length === 0 ? <Typography.Text type="secondary">{t('暂无公开的答复')}</Typography.Text> : null}
      <div>
        <Link to={back}>{t('查看更多公开的提案')}</Link>
      </div>
    </Flex>
  );
}
