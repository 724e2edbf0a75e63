import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Visit } from '../../../../contracts/stations.ts';
import { dayLabel } from '../../features/stations/station-rules.ts';
import { useStation, useUpdateVisit, useVisit } from '../../features/stations/stations-api.ts';
import { VisitActions } from '../../features/stations/visit-actions.tsx';
import { VisitStateTag } from '../../features/stations/visit-list.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { errorMessage } from '../admin/shared/admin-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, showServerFieldErrors, useFeedback } from '../admin/shared/admin-ui.tsx';

type EditValues = { matter: string; visitorCount: number; memberIds: string[] };

/** Corrects an open visit: the matter, how many came, the members present. */
function EditVisitDialog(props: { visit: Visit; open: boolean; onClose: () => void; onDone: (visit: Visit) => void }) {
  const t = useT();
  const [form] = Form.useForm<EditValues>();
  const station = useStation(props.visit.station.id);
  const update = useUpdateVisit();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    try {
      const visit = await update.mutateAsync({
        id: props.visit.id,
        version: props.visit.version,
        body: { matter: values.matter.trim(), visitorCount: values.visitorCount, memberIds: values.memberIds ?? [] },
      });
      props.onDone(visit);
    } catch (error) {
      showServerFieldErrors(form, ['matter', 'visitorCount', 'memberIds'], error);
      setProblem(t(errorMessage(error)));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('修改来访登记')}
      onCancel={props.onClose}
      onOk={submit}
      okText={t('保存')}
      cancelText={t('取消')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        size="large"
        initialValues={{
          matter: props.visit.matter,
          visitorCount: props.visit.visitorCount,
          memberIds: props.visit.members.map((member) => member.id),
        }}
      >
        <Form.Item
          name="matter"
          label={t('反映事项')}
          rules={[{ required: true, whitespace: true, message: t('请填写反映的事项') }]}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="visitorCount" label={t('来访人数')}>
          <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('到场委员')}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
            options={(station.data?.members ?? []).map((member) => ({ value: member.id, label: member.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One visit: what was asked, who came and who was there, what became of it, and the actions allowed now. */
export function VisitDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const feedback = useFeedback();
  const { visitId = '' } = useParams();
  const visit = useVisit(visitId);
  const station = useStation(visit.data?.station.id);
  const [editing, setEditing] = useState(false);
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true;

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('/station-visits')}>
      {t('返回来访登记')}
    </Button>
  );
  if (visit.error) {
    return (
      <div>
        {back}
        <Alert type="warning" showIcon title={t(errorMessage(visit.error))} />
      </div>
    );
  }
  if (!visit.data) return <Skeleton active />;
  const data = visit.data;
  const open = data.state === 'open';
  const editable = open && data.actions.length > 0;
  return (
    <div style={{ maxWidth: 860 }}>
      {feedback.holder}
      {back}
      <PageTitle
        title="来访登记"
        extra={
          editable ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('修改')}
            </Button>
          ) : undefined
        }
      />
      <Flex vertical gap={16}>
        {justSaved && open ? (
          <Alert type="success" showIcon title={t('已保存。能当场解决的请“当场办结”；需要推动的可“转为微建议”。')} />
        ) : null}
        <Card>
          <Flex vertical gap={12}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t(dayLabel(data.visitDate))}
              </Typography.Title>
              <VisitStateTag visit={data} />
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: '1.05em', marginBottom: 0 }}>
              {t(data.matter)}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'station', label: t('联络站'), children: t(data.station.name) },
                {
                  key: 'visitor',
                  label: t('来访群众'),
                  children: `${data.visitorNameMasked}${data.visitorCount > 1 ? `（${t('共')} ${data.visitorCount} ${t('人')}）` : ''}`,
                },
                { key: 'phone', label: t('联系电话'), children: data.visitorPhoneMasked ?? t('未留') },
                {
                  key: 'members',
                  label: t('到场委员'),
                  children: data.members.map((member) => member.name).join('、') || t('无'),
                },
                { key: 'recorder', label: t('登记人'), children: t(data.recordedByName) },
                { key: 'created', label: t('登记时间'), children: formatDateTime(data.createdAt) },
              ]}
            />
          </Flex>
        </Card>
        {data.state === 'closed' ? (
          <Card size="small" title={t('当场办结')} extra={formatDateTime(data.closedAt)}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {t(data.outcome ?? '')}
            </Typography.Paragraph>
          </Card>
        ) : null}
        {data.state === 'converted' ? (
          <Card size="small" title={t('已转为微建议')} extra={formatDateTime(data.convertedAt)}>
            <Flex vertical gap={8}>
              <Typography.Text>
                {t(`以到场委员 ${data.members.map((member) => member.name).join('、')} 的名义提出，由提案委审查、交办。`)}
              </Typography.Text>
              {data.microSuggestionId ? (
                <Link to={`/micro-suggestions/${data.microSuggestionId}`}>{t('查看微建议的办理进度')}</Link>
              ) : null}
            </Flex>
          </Card>
        ) : null}
        {data.actions.length > 0 || !open ? (
          <Card size="small" title={open ? t('处理') : t('回访')}>
            <VisitActions visit={data} stationAddress={station.data?.address} onChanged={(_visit, text) => feedback.ok(text)} />
          </Card>
        ) : null}
      </Flex>
      <EditVisitDialog
        visit={data}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={() => {
          setEditing(false);
          feedback.ok('已保存');
        }}
      />
    </div>
  );
}
