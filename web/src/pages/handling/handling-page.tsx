/**
 * 提案办理 of one assignment (/handling/:assignmentId): the proposal and the unit's part with its deadline, the
 * contacts with the proposers, the co-handlers' opinions (lead unit) or the unit's own (co-handler), extension
 * requests, and the replies with their editor and sign-off actions. What the user may do comes from the server.
 */
import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { HandlingView } from '../../../../contracts/handling.ts';
import { usePhone } from '../../app/use-phone.ts';
import { DueDate } from '../../features/assignments/assignment-card.tsx';
import { CoHandlerOpinionCard, LeadCoOpinionsCard } from '../../features/handling/co-opinions-card.tsx';
import { ContactsCard } from '../../features/handling/contacts-card.tsx';
import { ExtensionsCard } from '../../features/handling/extensions-card.tsx';
import { useHandlingView } from '../../features/handling/handling-api.ts';
import { RepliesSection } from '../../features/handling/replies-section.tsx';
import { ProposalStateTag } from '../../features/proposals/proposal-state-tag.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { useFeedback } from '../admin/shared/admin-ui.tsx';

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
  const { assignment, proposal, rules } = view;
  const isCo = assignment.role === 'co';
  // Once replied (or closed) the deadline is history: no days-left count.
  const settled = ['replied', 'closed', 'archived'].includes(proposal.state);

  return (
    <div>
      {feedback.holder}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate(-1)}>
          {t('返回')}
        </Button>
        <Link to={`/proposals/${proposal.id}`}>
          <Button icon={<ExportOutlined />}>{t('查看提案全文')}</Button>
        </Link>
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex align="center" gap={8} wrap>
            {proposal.number ? (
              <Typography.Text strong style={{ color: '#b3181f' }}>
                {t('第')}
                {proposal.number}
                {t('号')}
              </Typography.Text>
            ) : null}
            <ProposalStateTag state={proposal.state} />
            <Tag color={isCo ? 'cyan' : 'blue'}>{t(assignment.roleName)}</Tag>
          </Flex>
          <Typography.Title level={phone ? 4 : 3} style={{ margin: 0 }}>
            {t(proposal.title)}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            <Typography.Text type="secondary">{t('提案人')}：</Typography.Text>
            {proposal.proposerNames.map((name) => (
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
                <Card size="small" title={t('答复提案人')} styles={{ body: phone ? { padding: 8 } : undefined }}>
                  <RepliesSection view={view} onDone={feedback.ok} />
                </Card>
              </>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {!isCo ? (
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
