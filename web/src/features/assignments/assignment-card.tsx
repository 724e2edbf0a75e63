/**
 * One assignment in a unit's inbox: the item (a proposal or a micro-suggestion, tagged by its kind and linked to
 * its page), the unit's part, the deadlines, and what the unit may do now.
 */
import { CheckOutlined, ExportOutlined, FormOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Assignment } from '../../../../contracts/proposals.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { NoticeButton } from './batch-list.tsx';
import { daysLeft, daysLeftText, dueStatus } from './due-status.ts';

const stateColors: Record<string, string> = {
  pending: 'orange',
  signed_for: 'green',
  adjustment_requested: 'purple',
  reassigned: 'default',
};

/** The tag colour of each kind of handled item. */
const kindColors: Record<string, string> = { proposal: 'geekblue', micro_suggestion: 'magenta' };

/** The kind of a handled item as a tag: 提案, 微建议. */
export function KindTag({ kind, name }: { kind: string; name: string }) {
  const t = useT();
  return <Tag color={kindColors[kind] ?? 'default'}>{t(name)}</Tag>;
}

/** The colour of a due date: red when overdue or near, as the office's supervision colours them. */
export function DueDate({ assignment, now }: { assignment: Assignment; now: Date }) {
  const t = useT();
  const active = assignment.state !== 'reassigned';
  const status = active ? dueStatus(assignment.assignedAt, assignment.dueOn, now) : 'ok';
  const color = status === 'ok' ? undefined : '#cf1322';
  return (
    <span style={{ color, fontWeight: status === 'ok' ? undefined : 600 }}>
      {formatDate(assignment.dueOn)}
      {active ? ` · ${t(daysLeftText(assignment.dueOn, now))}` : ''}
    </span>
  );
}

/**
 * The card; `onSignFor` and `onRequestAdjustment` are offered only when the item lists those actions and the
 * screen handles them; a signed-for item links to its handling page (办理).
 */
export function AssignmentCard(props: {
  assignment: Assignment;
  now: Date;
  signing?: boolean;
  onSignFor?: (assignment: Assignment) => void;
  onRequestAdjustment?: (assignment: Assignment) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const { assignment, now } = props;
  const may = (action: string) => assignment.actions.some((item) => item.action === action);
  const windowOpen = daysLeft(assignment.adjustmentUntil, now) >= 0;
  // Adjustments, roles and assignment notices are the proposal's; other kinds go to one unit alone.
  const isProposal = assignment.kind === 'proposal';
  const number = assignment.itemNumber
    ? isProposal
      ? `${t('第')}${assignment.itemNumber}${t('号')} `
      : `${assignment.itemNumber} `
    : '';
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          <KindTag kind={assignment.kind} name={assignment.kindName} />
          <Tag color={stateColors[assignment.state]}>{t(assignment.stateName)}</Tag>
          {isProposal ? <Tag color={assignment.role === 'co' ? 'cyan' : 'blue'}>{t(assignment.roleName)}</Tag> : null}
          <Link to={assignment.link} style={{ fontWeight: 600 }}>
            {number}
            {t(assignment.itemTitle)}
          </Link>
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t(assignment.role === 'co' ? '会办意见期限' : '答复期限')}>
          <DueDate assignment={assignment} now={now} />
        </Descriptions.Item>
        {isProposal ? (
          <Descriptions.Item label={t('申请调整截止')}>
            <span>
              {formatDate(assignment.adjustmentUntil)}
              {assignment.state === 'pending' ? (
                <Typography.Text type="secondary">
                  （{windowOpen ? t(daysLeftText(assignment.adjustmentUntil, now)) : t('已过期')}）
                </Typography.Text>
              ) : null}
            </span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('交办时间')}>{formatDateTime(assignment.assignedAt)}</Descriptions.Item>
        {assignment.signedForAt ? (
          <Descriptions.Item label={t('签收时间')}>{formatDateTime(assignment.signedForAt)}</Descriptions.Item>
        ) : null}
        {assignment.adjustmentReason ? (
          <Descriptions.Item label={t('调整理由')} span={{ xs: 1, sm: 2, lg: 4 }}>
            {t(assignment.adjustmentReason)}
          </Descriptions.Item>
        ) : null}
        {assignment.decisionReason ? (
          <Descriptions.Item label={t('提案办意见')} span={{ xs: 1, sm: 2, lg: 4 }}>
            {t(assignment.decisionReason)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Flex wrap gap={8} style={{ marginTop: 8 }}>
        {may('sign_for') && props.onSignFor ? (
          <Popconfirm
            title={t('确认签收？')}
            description={t('签收后本单位开始办理，办理期限从交办之日起计算。')}
            okText={t('签收')}
            cancelText={t('取消')}
            onConfirm={() => props.onSignFor?.(assignment)}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={props.signing}>
              {t('签收')}
            </Button>
          </Popconfirm>
        ) : null}
        {assignment.state === 'signed_for' ? (
          <Link to={`/handling/${assignment.id}`}>
            <Button type="primary" icon={<FormOutlined />}>
              {t('办理')}
            </Button>
          </Link>
        ) : null}
        {may('request_adjustment') && props.onRequestAdjustment ? (
          <Button icon={<SwapOutlined />} onClick={() => props.onRequestAdjustment?.(assignment)}>
            {t('申请调整')}
          </Button>
        ) : null}
        <Link to={assignment.link}>
          <Button icon={<ExportOutlined />}>{t(`查看${assignment.kindName}`)}</Button>
        </Link>
        {isProposal && assignment.state !== 'reassigned' ? (
          <NoticeButton
            type="default"
            size="middle"
            unitId={assignment.unitId}
            unitName={assignment.unitName}
            batchId={assignment.batchId}
            sessionId={assignment.sessionId}
            fail={props.fail}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
