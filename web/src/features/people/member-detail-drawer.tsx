import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { genderNames, type Member, type MemberSensitive, memberStateNames } from '../../../../contracts/people.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { fetchMemberSensitive, useMember, useSetMemberActive } from './members-api.ts';

/** A member's details, with the sensitive reveal (recorded in the audit log) and the state actions. */
export function MemberDetailDrawer(props: {
  memberId: string | null;
  canManage: boolean;
  onClose: () => void;
  onEdit: (member: Member) => void;
  ok: (text: string) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const size = useDrawerSize(640);
  const { data: member, isLoading } = useMember(props.memberId);
  const setActive = useSetMemberActive();
  const [sensitive, setSensitive] = useState<MemberSensitive | null>(null);
  const [revealing, setRevealing] = useState(false);

  useEffect(() => {
    if (props.memberId !== sensitive?.id) setSensitive(null);
  }, [props.memberId, sensitive?.id]);

  const reveal = async () => {
    if (!member) return;
    setRevealing(true);
    try {
      setSensitive(await fetchMemberSensitive(member.id));
    } catch (error) {
      props.fail(error);
    } finally {
      setRevealing(false);
    }
  };
  const toggleActive = async () => {
    if (!member) return;
    const active = member.state !== 'active';
    try {
      await setActive.mutateAsync({ id: member.id, version: member.version, active });
      props.ok(active ? '已恢复' : '已停用');
    } catch (error) {
      props.fail(error);
    }
  };

  const dash = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? '—' : value;
  const shown = sensitive && member && sensitive.id === member.id ? sensitive : null;
  return (
    <Drawer
      open={props.memberId !== null}
      onClose={props.onClose}
      size={size}
      title={t('委员详情')}
      destroyOnHidden
      extra={
        member && props.canManage ? (
          <Space wrap>
            <Button type="primary" onClick={() => props.onEdit(member)}>
              {t('编辑')}
            </Button>
            <Popconfirm
              title={member.state === 'active' ? t('确定停用该委员吗？') : t('确定恢复该委员吗？')}
              okText={t('确定')}
              cancelText={t('取消')}
              onConfirm={toggleActive}
            >
              <Button danger={member.state === 'active'} loading={setActive.isPending}>
                {member.state === 'active' ? t('停用') : t('恢复')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {isLoading || !member ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered column={1} size="middle" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label={t('姓名')}>{member.name}</Descriptions.Item>
            <Descriptions.Item label={t('状态')}>
              <Tag color={member.state === 'active' ? 'green' : 'default'}>{t(memberStateNames[member.state])}</Tag>
              {member.isStandingCommittee ? <Tag color="red">{t('常委')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('性别')}>{member.gender ? t(genderNames[member.gender]) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('出生年份')}>{dash(member.birthYear)}</Descriptions.Item>
            <Descriptions.Item label={t('民族')}>{dash(member.ethnicity)}</Descriptions.Item>
            <Descriptions.Item label={t('界别')}>{member.sector ? t(member.sector.name) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('党派')}>{member.party ? t(member.party.name) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('专委会')}>{member.committee ? t(member.committee.name) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('委员小组')}>{member.group ? t(member.group.name) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('工作单位')}>{dash(member.workplace)}</Descriptions.Item>
            <Descriptions.Item label={t('职务')}>{dash(member.position)}</Descriptions.Item>
            <Descriptions.Item label={t('身份证号')}>
              {shown ? dash(shown.idNumber) : dash(member.idNumberMasked)}
            </Descriptions.Item>
            <Descriptions.Item label={t('手机号')}>{shown ? dash(shown.mobile) : dash(member.mobileMasked)}</Descriptions.Item>
          </Descriptions>
          {props.canManage ? (
            shown ? (
              <Alert type="warning" showIcon title={t('完整信息仅供工作使用，请勿截图或外传。本次查看已记入审计日志。')} />
            ) : (
              <Button icon={<EyeOutlined />} loading={revealing} onClick={reveal}>
                {t('查看完整信息')}
              </Button>
            )
          ) : null}
        </Space>
      )}
    </Drawer>
  );
}
