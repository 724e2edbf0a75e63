/**
 * 联名: the invitations of a proposal with their state, 取消 / 同意 / 谢绝 where the server offers them, and (for
 * the lead proposer while co-signing is open) a member picker with the co-signing deadline.
 */
import { App, Button, Card, Empty, Flex, Form, List, Popconfirm, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CoSignerAction, Proposal } from '../../../../contracts/proposals.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { useMe } from '../auth/auth-api.ts';
import { DateField } from '../orgs/date-field.tsx';
import { MemberMultiSelect } from '../people/member-select.tsx';
import { membersNotToInvite } from './co-signer-candidates.ts';
import { coSignerActionNames, coSignerStateColors, coSignerStateNames, hasAction } from './proposal-labels.ts';
import { useCoSignerAction, useInviteCoSigners } from './proposals-api.ts';

type InviteValues = { memberIds: string[]; deadline: string | null };

/** The co-signers card. `prepare` saves pending edits first and answers the version to send. */
export function CoSignersPanel(props: {
  proposal: Proposal;
  prepare?: () => Promise<number | null>;
  onChanged: (proposal: Proposal) => void;
  ok: (text: string) => void;
  fail: (error: unknown) => void;
  /** Hide the card when there is nothing to show or do. */
  hideWhenEmpty?: boolean;
}) {
  const { proposal } = props;
  const t = useText();
  const { modal } = App.useApp();
  const [form] = Form.useForm<InviteValues>();
  const invite = useInviteCoSigners();
  const act = useCoSignerAction();
  const me = useMe();
  const canInvite = hasAction(proposal, 'invite_co_signers');
  const live = proposal.coSigners.filter((item) => item.state !== 'cancelled' || item.actions.length > 0);
  if (props.hideWhenEmpty && !canInvite && proposal.coSigners.length === 0) return null;

  const send = (values: InviteValues) => {
    if (proposal.state !== 'draft') return void sendInvitation(values);
    modal.confirm({
      title: t('发出联名邀请？'),
      content: t('发出邀请后进入联名征集，提案正文将锁定，不能再修改。请确认正文已写好。'),
      okText: t('发出邀请'),
      cancelText: t('再改改'),
      onOk: () => sendInvitation(values),
    });
  };

  const sendInvitation = async (values: InviteValues) => {
    if (values.memberIds.length === 0 || !values.deadline) return;
    try {
      const version = props.prepare ? await props.prepare() : proposal.version;
      if (version === null) return;
      const updated = await invite.mutateAsync({
        id: proposal.id,
        version,
        memberIds: values.memberIds,
        deadline: values.deadline,
      });
      form.setFieldValue('memberIds', []);
      props.onChanged(updated);
      props.ok(`已向 ${values.memberIds.length} 位委员发送联名邀请`);
    } catch (error) {
      props.fail(error);
    }
  };

  const answer = async (memberId: string, action: CoSignerAction) => {
    try {
      if (props.prepare && (await props.prepare()) === null) return;
      const updated = await act.mutateAsync({ id: proposal.id, memberId, action });
      props.onChanged(updated);
      props.ok(action === 'accept' ? '已同意联名' : action === 'decline' ? '已谢绝联名' : '已取消邀请');
    } catch (error) {
      props.fail(error);
    }
  };

  const accepted = proposal.coSigners.filter((item) => item.state === 'accepted').length;
  return (
    <Card
      size="small"
      title={t('联名委员')}
      extra={
        <Typography.Text type="secondary">
          {t('已同意')} {accepted}
          {proposal.coSigningDeadline ? ` · ${t('截止')} ${formatDate(proposal.coSigningDeadline)}` : ''}
        </Typography.Text>
      }
    >
      <List
        size="small"
        dataSource={live}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未邀请联名委员')} /> }}
        renderItem={(item) => (
          <List.Item
            style={{ paddingInline: 0, flexWrap: 'wrap', gap: 8 }}
            actions={item.actions.map((action) =>
              action === 'cancel' ? (
                <Popconfirm
                  key={action}
                  title={t(`取消对 ${item.name} 的联名邀请？`)}
                  okText={t('取消邀请')}
                  cancelText={t('不取消')}
                  onConfirm={() => answer(item.memberId, action)}
                >
                  <Button size="small" type="link" danger loading={act.isPending}>
                    {t('取消')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  key={action}
                  size="small"
                  type={action === 'accept' ? 'primary' : 'default'}
                  loading={act.isPending}
                  onClick={() => answer(item.memberId, action)}
                >
                  {t(coSignerActionNames[action])}
                </Button>
              ),
            )}
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Flex align="center" gap={8} wrap>
                <Typography.Text strong>{item.name}</Typography.Text>
                <Tag color={coSignerStateColors[item.state]}>{t(coSignerStateNames[item.state])}</Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                {item.respondedAt
                  ? `${t('答复于')} ${formatDateTime(item.respondedAt)}`
                  : `${t('邀请于')} ${formatDateTime(item.invitedAt)}`}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {canInvite ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={send}
          initialValues={{ memberIds: [], deadline: proposal.coSigningDeadline ?? dayjs().add(7, 'day').format('YYYY-MM-DD') }}
          style={{ marginTop: 12 }}
          requiredMark={false}
        >
          <Form.Item
            name="memberIds"
            label={t('邀请委员联名')}
            rules={[{ required: true, type: 'array', min: 1, message: t('请至少选择一位委员') }]}
            extra={t('可一次选择多位委员')}
          >
            <MemberMultiSelect exclude={membersNotToInvite(proposal, me.data?.memberId)} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('联名截止日期')}
            rules={[{ required: true, message: t('请选择截止日期') }]}
            extra={t('截止后不再接受答复，只计已同意的委员')}
          >
            <DateField allowClear={false} />
          </Form.Item>
          <Button type="primary" ghost htmlType="submit" loading={invite.isPending} block>
            {t('发送邀请')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
