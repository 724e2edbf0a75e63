/**
 * /portal/:org/micro-suggestions/:id: one published micro-suggestion — the problem and the suggestion, the unit's
 * reply (or the member's result), and the photos before and after — with contact details removed.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Image, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { useText } from '../lib/i18n.tsx';
import { usePortalMicro } from './micro-suggestions-api.ts';
import { PortalNotFound } from './portal-not-found.tsx';

/** The photos of one side (before or after), large enough to compare on a phone. */
function PhotoSide({ title, photos }: { title: string; photos: { id: string; url: string }[] }) {
  const t = useText();
  return (
    <Card size="small" title={t(title)}>
      {photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无照片')} />
      ) : (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {photos.map((photo, index) => (
              <Image
                key={photo.id}
                src={photo.url}
                alt={`${t(title)} ${index + 1}`}
                width="100%"
                style={{ maxWidth: 320, aspectRatio: '4 / 3', objectFit: 'cover', borderRadius: 6 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}

/** Calendar days from one business date to another. */
function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return Math.max(0, Math.round((end - start) / 86_400_000));
}

export function PublicMicroPage() {
  const t = useText();
  const navigate = useNavigate();
  const { org = '', id = '' } = useParams();
  const { data, isLoading, error } = usePortalMicro(org, id);
  if (error) return <PortalNotFound detail={errorMessage(error)} />;
  if (isLoading || !data) return <Skeleton active />;
  const back = `/portal/${encodeURIComponent(org)}/micro-suggestions`;
  const before = data.photos.filter((photo) => photo.kind === 'before');
  const after = data.photos.filter((photo) => photo.kind === 'after');
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
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          <Tag color="red">{t('微建议')}</Tag>
          {data.number ? <Typography.Text type="secondary">{`${t('第')}${data.number}${t('号')}`}</Typography.Text> : null}
          <Tag color="success">{t('已办结')}</Tag>
        </Flex>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t(data.title)}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'place', label: t('地点'), children: data.place ? t(data.place) : '—' },
            { key: 'members', label: t('提出委员'), children: t(data.memberNames.join('、')) },
            {
              key: 'unit',
              label: t('办理'),
              children: data.handlingMode === 'member' ? t('委员领办') : t(data.unitName ?? '—'),
            },
            {
              key: 'days',
              label: t('办理时间'),
              children: `${formatDate(data.submittedOn)} ${t('至')} ${formatDate(data.resolvedOn)}（${daysBetween(data.submittedOn, data.resolvedOn)} ${t('天')}）`,
            },
          ]}
        />
        <Typography.Title level={5}>{t('问题')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t(data.problem)}</Typography.Paragraph>
        <Typography.Title level={5}>{t('建议')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t(data.suggestion)}</Typography.Paragraph>
      </Card>
      <Card size="small" title={t(data.handlingMode === 'member' ? '委员领办结果' : `${data.unitName ?? ''} · 答复`)}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {data.reply ? t(data.reply) : t('（无）')}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <PhotoSide title="办理前" photos={before} />
        </Col>
        <Col xs={24} md={12}>
          <PhotoSide title="办理后" photos={after} />
        </Col>
      </Row>
      <div>
        <Link to={back}>{t('查看更多微建议')}</Link>
      </div>
    </Flex>
  );
}
