/** A list row of a micro-suggestion as a tappable card (phones, and the member's own list everywhere). */
import { CameraOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { MicroSuggestionSummary } from '../../../../contracts/micro-suggestions.ts';
import { formatDate } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { MicroStateTag } from './micro-state-tag.tsx';
import './micro.css';

/** The card; `to` is the page it opens. */
export function MicroRowCard({ row, to, showMember }: { row: MicroSuggestionSummary; to: string; showMember?: boolean }) {
  const t = useText();
  return (
    <Link to={to} className="micro-row-card" aria-label={row.title}>
      <Flex justify="space-between" align="center" gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={8} align="center" wrap>
            <MicroStateTag state={row.state} name={row.stateName} />
            {row.number ? (
              <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                {t('第')}
                {row.number}
                {t('号')}
              </Typography.Text>
            ) : null}
            {row.published ? (
              <Typography.Text type="success" style={{ fontSize: '0.9em' }}>
                {t('已公开')}
              </Typography.Text>
            ) : null}
          </Flex>
          <Typography.Text strong style={{ fontSize: '1.05em' }}>
            {row.title}
          </Typography.Text>
          <Flex gap={12} wrap style={{ fontSize: '0.9em' }}>
            {row.place ? (
              <Typography.Text type="secondary">
                <EnvironmentOutlined /> {row.place}
              </Typography.Text>
            ) : null}
            {showMember && row.leadMemberName ? <Typography.Text type="secondary">{row.leadMemberName}</Typography.Text> : null}
            {row.photoCount > 0 ? (
              <Typography.Text type="secondary">
                <CameraOutlined /> {row.photoCount}
              </Typography.Text>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {row.unitName
              ? `${t('承办')}：${t(row.unitName)}${row.dueOn && row.state !== 'resolved' ? ` · ${t('期限')} ${formatDate(row.dueOn)}` : ''}`
              : row.handlingMode === 'member'
                ? t('委员领办')
                : row.submittedAt
                  ? `${t('提交于')} ${formatDate(row.submittedAt)}`
                  : `${t('草稿')} · ${formatDate(row.updatedAt)}`}
          </Typography.Text>
        </Flex>
        <RightOutlined style={{ color: '#bfbfbf' }} aria-hidden />
      </Flex>
    </Link>
  );
}
