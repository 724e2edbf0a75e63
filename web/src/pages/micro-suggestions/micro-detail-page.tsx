/**
 * 微建议详情: one micro-suggestion as the member, the office and the unit read it — where it stands, what was
 * written and its photos, the office's decision (the declined reason, merged into, converted into a proposal draft),
 * the unit and its due date while handled, the replies with their after-photos and the rating form, the member's
 * own result when they took it on, its publication, and the history — with the actions the server offers.
 */
import { ArrowLeftOutlined, FormOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Steps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MicroSuggestion, MicroSuggestionState } from '../../../../contracts/micro-suggestions.ts';
import { usePhone } from '../../app/use-phone.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import { MicroActionsBar, REPORT_ANCHOR } from '../../features/micro-suggestions/micro-actions-bar.tsx';
import { useAdoptMicro, useMicro } from '../../features/micro-suggestions/micro-api.ts';
import { MicroHistory } from '../../features/micro-suggestions/micro-history.tsx';
import {
  daysLeftText,
  hasMicroAction,
  microDecisionNames,
  microDecisionTone,
  microNumberText,
} from '../../features/micro-suggestions/micro-labels.ts';
import { PhotoGallery } from '../../features/micro-suggestions/micro-photos.tsx';
import { microProgress } from '../../features/micro-suggestions/micro-progress.ts';
import { MicroReplyCard } from '../../features/micro-suggestions/micro-reply-card.tsx';
import { MicroReportForm } from '../../features/micro-suggestions/micro-report-form.tsx';
import { MicroStateTag } from '../../features/micro-suggestions/micro-state-tag.tsx';
import { LightTag } from '../../features/supervision/light-tag.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { useFeedback } from '../admin/shared/admin-ui.tsx';

/** The detail screen: /micro-suggestions/:id (and /office/micro-suggestions/:id for the office). */
export function MicroDetailPage() {
  const { id } = useParams();
  const t = useText();
  const navigate = useNavigate();
  const loaded = useMicro(id);
  if (loaded.isPending) return <Card loading />;
  if (loaded.isError || !loaded.data) {
    return (
      <Result
        status="warning"
        title={t(errorMessage(loaded.error))}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('返回')}
          </Button>
        }
      />
    );
  }
  return <MicroDetail item={loaded.data} refresh={() => void loaded.refetch()} />;
}

function MicroDetail({ item, refresh }: { item: MicroSuggestion; refresh: () => void }) {
  const t = useText();
  const phone = usePhone();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const adopt = useAdoptMicro();
  const progress = microProgress(item.state as MicroSuggestionState, item.handlingMode);
  const replies = [...(item.handling?.replies ?? [])].sort((a, b) => a.round - b.round);

  return (
    <div className="micro-detail">
      {feedback.holder}
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }} onClick={() => navigate(-1)}>
        {t('返回')}
      </Button>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong style={{ color: '#b3181f' }}>
              {t('微建议')} {t(microNumberText(item.number))}
            </Typography.Text>
            <MicroStateTag state={item.state} name={item.stateName} />
            {item.published ? <Tag color="green">{t('已公开')}</Tag> : null}
            {item.categoryName ? <Tag color="blue">{t(item.categoryName)}</Tag> : null}
            {item.source.kind === 'station_visit' ? <Tag color="purple">{t('联络站接待')}</Tag> : null}
          </Flex>
          <Typography.Title level={phone ? 4 : 3} style={{ margin: 0 }}>
            {item.title}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            {item.place ? <Tag>{item.place}</Tag> : null}
            <Typography.Text type="secondary">
              {item.raisers.length > 0 ? item.raisers.map((raiser) => raiser.name).join('、') : item.leadMemberName}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {item.submittedAt
              ? `${t('提交于')} ${formatDateTime(item.submittedAt)}`
              : `${t('草稿，创建于')} ${formatDateTime(item.createdAt)}`}
            {item.resolvedAt ? ` · ${t('办结于')} ${formatDateTime(item.resolvedAt)}` : ''}
          </Typography.Text>
          <MicroActionsBar item={item} ok={feedback.ok} fail={feedback.fail} />
        </Flex>
      </Card>
      {item.state !== 'draft' ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Steps
            size="small"
            responsive={false}
            orientation="horizontal"
            titlePlacement={phone ? 'vertical' : 'horizontal'}
            current={progress.current}
            status={progress.status}
            items={progress.steps.map((title) => ({ title: t(title) }))}
          />
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {item.resolution ? (
              <Alert
                type="success"
                showIcon
                title={`${t('已办结')}：${t(item.resolutionName ?? '')}`}
                description={item.resolvedAt ? formatDateTime(item.resolvedAt) : undefined}
              />
            ) : null}
            <DecisionAlert item={item} />
            <HandlingCard item={item} />
            <Card size="small" title={t('微建议内容')}>
              <Section title="问题" text={item.problem} />
              <Section title="建议" text={item.suggestion} />
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('问题照片')}
              </Typography.Title>
              <PhotoGallery photos={item.photos} emptyText="未上传照片" />
              {item.state === 'draft' ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('字数')}：{item.length} / {item.maxLength}
                </Typography.Paragraph>
              ) : null}
            </Card>
            {replies.map((reply) => (
              <MicroReplyCard
                key={reply.id}
                reply={reply}
                itemId={item.id}
                ratingDueOn={item.ratingDueOn}
                onRated={(message) => {
                  feedback.ok(message);
                  refresh();
                }}
              />
            ))}
            <MemberReport
              item={item}
              onChanged={refresh}
              onDone={(updated, message) => {
                adopt(updated);
                feedback.ok(message);
              }}
            />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <MergesCard item={item} />
            <PublicationCard item={item} />
            <MicroHistory itemId={item.id} />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

/** One part of the text with its heading; empty parts say so. */
function Section({ title, text }: { title: string; text: string }) {
  const t = useText();
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t(title)}
      </Typography.Title>
      {text.trim() ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, marginBottom: 0 }}>{text}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('（未填写）')}</Typography.Text>
      )}
    </div>
  );
}

/** The office's decision: declined with its reason, merged into another, converted into a proposal draft, accepted. */
function DecisionAlert({ item }: { item: MicroSuggestion }) {
  const t = useText();
  const decision = item.decision;
  if (!decision) return null;
  // Once resolved, a plain "accepted / transferred / taken on" says nothing the steps above do not.
  const routine = decision.action === 'accept' || decision.action === 'transfer' || decision.action === 'take_on';
  if (routine && item.state === 'resolved' && !decision.reason) return null;
  let extra: ReactNode = null;
  if (decision.action === 'merge' && item.mergedInto) {
    extra = (
      <div>
        {t('合并到')}：
        <Link to={`/micro-suggestions/${item.mergedInto.id}`}>
          {item.mergedInto.number ? `${t('第')}${item.mergedInto.number}${t('号')} ` : ''}
          {item.mergedInto.title}
        </Link>
        <div>{t('合并后的办理结果会同样告知您。')}</div>
      </div>
    );
  }
  if (decision.action === 'convert' && item.convertedProposalId) {
    extra = (
      <div>
        <Link to={`/proposals/${item.convertedProposalId}`}>{t('查看转成的提案草稿')}</Link>
        <div>{t('请补充完善后提交提案。')}</div>
      </div>
    );
  }
  return (
    <Alert
      type={microDecisionTone(decision.action)}
      showIcon
      title={`${t('提案委意见')}：${t(microDecisionNames[decision.action])}`}
      description={
        <div>
          {decision.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{decision.reason}</div> : null}
          {extra}
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {formatDateTime(decision.decidedAt)}
            {decision.decidedByName ? ` · ${decision.decidedByName}` : ''}
          </Typography.Text>
        </div>
      }
    />
  );
}

/** The unit handling it: name, due date, light, days left, and the handling page for the unit and the office. */
function HandlingCard({ item }: { item: MicroSuggestion }) {
  const t = useText();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const handling = item.handling;
  if (!handling) return null;
  const open = handling.light !== 'done' && item.state !== 'resolved';
  const staff = Boolean(
    me?.roles.some((role) => role === 'proposal_office') ||
      (me?.unitId === handling.unitId && me.roles.some((role) => role === 'unit_handler' || role === 'unit_leader')),
  );
  return (
    <Card
      size="small"
      title={t('承办单位')}
      extra={
        staff ? (
          <Button size="small" icon={<FormOutlined />} onClick={() => navigate(`/handling/${handling.assignmentId}`)}>
            {t('办理页面')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'unit', label: t('承办单位'), children: <Typography.Text strong>{t(handling.unitName)}</Typography.Text> },
          { key: 'state', label: t('办理状态'), children: t(handling.assignmentStateName) },
          {
            key: 'due',
            label: t('答复期限'),
            children: (
              <Flex gap={6} wrap align="center">
                {formatDate(handling.dueOn)}
                {open ? <LightTag light={handling.light} /> : null}
                {open ? (
                  <Typography.Text type={handling.daysLeft < 0 ? 'danger' : 'secondary'}>
                    {t(daysLeftText(handling.daysLeft))}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { key: 'assigned', label: t('转交时间'), children: formatDateTime(handling.assignedAt) },
          {
            key: 'signed',
            label: t('签收时间'),
            children: handling.signedForAt ? formatDateTime(handling.signedForAt) : t('待签收'),
          },
          ...(item.rehandlingCount > 0
            ? [{ key: 'again', label: t('重新办理'), children: `${item.rehandlingCount} / ${item.rehandlingLimit} ${t('次')}` }]
            : []),
        ]}
      />
    </Card>
  );
}

/** 委员领办: the report form while the member may report, the report once made. */
function MemberReport(props: {
  item: MicroSuggestion;
  onChanged: () => void;
  onDone: (item: MicroSuggestion, message: string) => void;
}) {
  const t = useText();
  const { item } = props;
  if (item.handlingMode !== 'member' || !item.memberReport) return null;
  if (hasMicroAction(item, 'report_result')) {
    return (
      <div id={REPORT_ANCHOR}>
        <MicroReportForm item={item} onChanged={props.onChanged} onDone={props.onDone} />
      </div>
    );
  }
  const report = item.memberReport;
  return (
    <Card size="small" title={t('委员领办结果')}>
      {report.reportedAt ? (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{report.text}</Typography.Paragraph>
          <PhotoGallery photos={report.photos} />
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: '0.9em' }}>
            {t('报告于')} {formatDateTime(report.reportedAt)}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('委员领办中，尚未报告结果')}</Typography.Text>
      )}
    </Card>
  );
}

/** Micro-suggestions merged into this one. */
function MergesCard({ item }: { item: MicroSuggestion }) {
  const t = useText();
  if (item.mergedFrom.length === 0) return null;
  return (
    <Card size="small" title={t('合并到本件的微建议')}>
      <ul style={{ paddingInlineStart: 20, margin: 0 }}>
        {item.mergedFrom.map((entry) => (
          <li key={entry.id}>
            <Link to={`/micro-suggestions/${entry.id}`}>
              {entry.number ? `${t('第')}${entry.number}${t('号')} ` : ''}
              {entry.title}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Whether it is on the portal, with the public link. */
function PublicationCard({ item }: { item: MicroSuggestion }) {
  const t = useText();
  const { data: me } = useMe();
  if (!item.published) return null;
  const link = me ? `/portal/${encodeURIComponent(me.organization.code)}/micro-suggestions/${item.id}` : null;
  return (
    <Card size="small" title={t('公开')}>
      <Flex vertical gap={4}>
        <Typography.Text>
          <GlobalOutlined /> {t('已在门户公开')}（{formatDate(item.publishedAt)}）
        </Typography.Text>
        {link ? (
          <a href={link} target="_blank" rel="noreferrer">
            {t('在门户查看')}
          </a>
        ) : null}
      </Flex>
    </Card>
  );
}
