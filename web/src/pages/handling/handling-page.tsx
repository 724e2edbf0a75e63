/**
 * 办理 of one assignment (/handling/:assignmentId), whatever the item's kind: the item (a proposal, a micro-
 * suggestion) and the unit's part with its deadline, the contacts with the proposers and the co-handlers' opinions
 * (proposals), extension requests, and the replies with their editor and actions (sign-off where the kind needs it;
 * a micro-suggestion's handler sends the reply with its photos). What the user may do comes from the server.
 */
import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { HandlingView } from '../../../../contracts/handling.ts';
import { usePhone } from '../../app/use-phone.ts';
import { DueDate, KindTag } from '../../features/assignments/assignment-card.tsx';
import { CoHandlerOpinionCard, LeadCoOpinionsCard } from '../../features/handling/co-opinions-card.tsx';
import { ContactsCard } from '../../features/handling/contacts-card.tsx';
import { ExtensionsCard } from '../../features/handling/extensions-card.tsx';
import { useHandlingView } from '../../features/handling/handling-api.ts';
import { RepliesSection } from '../../features/handling/replies-section.tsx';
import { ratersWord } from '../../features/handling/reply-rules.ts';
import { ProposalStateTag } from '../../features/proposals/proposal-state-tag.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { useFeedback } from '../admin/shared/admin-ui.tsx';

/** What an item's phase means, for kinds without their own state tag here (a micro-suggestion). */
const phaseNames: Record<string, string> = {
  waiting: '待办理',
  handling: '办理中',
  replied: '已答复',
  closed: '已办结',
  archived: '已归档',
};

/** The screen. */
export function HandlingPage() {
  const { assignmentId } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const loaded = useHandlingView(assignmentId);
  if (loaded.isPending) return <Card loading />;
  if (loaded.isError || !loaded.data) {
    return (
      <Result
        status="warning"
        title={t(errorMessage(loaded.error))}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/unit/inbox')}>
            {t('返回收件箱')}
          </Button>
        }
      />
    );
  }
  return <Handling view={loaded.data} />;
}

function Handling({ view }: { view: HandlingView }) {
  const t = useT();
  const phone = usePhone();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const now = useMemo(() => new Date(), []);
  const { assignment, item, rules } = view;
  const isCo = assignment.role === 'co';
  const isProposal = item.kind === 'proposal';
  const raters = ratersWord(item.kind);
  // Once replied (or closed) the deadline is history: no days-left count.
  const settled = ['replied', 'closed', 'archived'].includes(item.phase);

  return (
    <div>
      {feedback.holder}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate(-1)}>
          {t('返回')}
        </Button>
        <Link to={item.link}>
          <Button icon={<ExportOutlined />}>{t(isProposal ? '查看提案全文' : `查看${item.kindName}`)}</Button>
        </Link>
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex align="center" gap={8} wrap>
            <KindTag kind={item.kind} name={item.kindName} />
            {item.number ? (
              <Typography.Text strong style={{ color: '#b3181f' }}>
                {isProposal ? `${t('第')}${item.number}${t('号')}` : `${t('编号')} ${item.number}`}
              </Typography.Text>
            ) : null}
            {isProposal ? <ProposalStateTag state={item.state} /> : <Tag>{t(phaseNames[item.phase] ?? item.state)}</Tag>}
            {isProposal ? <Tag color={isCo ? 'cyan' : 'blue'}>{t(assignment.roleName)}</Tag> : null}
          </Flex>
          <Typography.Title level={phone ? 4 : 3} style={{ margin: 0 }}>
            {t(item.title)}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            <Typography.Text type="secondary">{t(raters)}：</Typography.Text>
            {item.raterNames.map((name) => (
              <Tag key={name}>{t(name)}</Tag>
            ))}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            items={[
              { key: 'unit', label: t('承办单位'), children: t(assignment.unitName) },
              {
                key: 'due',
                label: t(isCo ? '会办意见期限' : '答复期限'),
                children: settled ? formatDate(assignment.dueOn) : <DueDate assignment={assignment} now={now} />,
              },
              { key: 'assigned', label: t('交办时间'), children: formatDateTime(assignment.assignedAt) },
              { key: 'signed', label: t('签收时间'), children: formatDateTime(assignment.signedForAt) },
            ]}
          />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            {isCo ? (
              <CoHandlerOpinionCard
                assignmentId={assignment.id}
                opinions={view.coOpinions}
                canSend={rules.canSendOpinion}
                dueOn={assignment.dueOn}
                onDone={feedback.ok}
              />
            ) : (
              <>
                <LeadCoOpinionsCard opinions={view.coOpinions} awaiting={view.awaitingCoHandlers} />
                <Card size="small" title={t(`答复${raters}`)} styles={{ body: phone ? { padding: 8 } : undefined }}>
                  <RepliesSection view={view} onDone={feedback.ok} />
                </Card>
              </>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {!isCo && isProposal ? (
              <ContactsCard
                assignmentId={assignment.id}
                contacts={view.contacts}
                canRecord={rules.canRecordContact}
                requiresContact={rules.requiresContact}
                onDone={feedback.ok}
              />
            ) : null}
            <ExtensionsCard
              assignmentId={assignment.id}
              dueOn={assignment.dueOn}
              extensions={view.extensions}
              canRequest={rules.canRequestExtension}
              latestOn={rules.latestExtensionOn}
              onDone={feedback.ok}
            />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
