/**
 * 写微建议 / 修改微建议: one short form a member fills on a phone in under a minute — title, place (street or
 * community), the problem, the suggestion, up to 3 photos — with a live count against the committee's limit. The
 * draft saves itself (已自动保存); 提交 sends it to the office.
 */
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { MICRO_SUGGESTION_PLACE_MAX, MICRO_SUGGESTION_TITLE_MAX } from '../../../../contracts/micro-suggestions.ts';
import { usePhone } from '../../app/use-phone.ts';
import { runMicroAction, useAdoptMicro, useMicro } from '../../features/micro-suggestions/micro-api.ts';
import { MicroAutosaveNote } from '../../features/micro-suggestions/micro-autosave-note.tsx';
import {
  DEFAULT_MICRO_MAX_LENGTH,
  emptyMicroDraft,
  type MicroDraftValues,
  microCounter,
  microCounterText,
  microDraftFields,
  missingForSubmit,
} from '../../features/micro-suggestions/micro-draft.ts';
import { hasMicroAction } from '../../features/micro-suggestions/micro-labels.ts';
import { PhotoPicker } from '../../features/micro-suggestions/micro-photos.tsx';
import { useMicroAutosave } from '../../features/micro-suggestions/use-micro-autosave.ts';
import { ApiError, errorMessage, newIdempotencyKey } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { PageTitle } from '../admin/shared/admin-ui.tsx';

/** The editor screen: /micro-suggestions/new and /micro-suggestions/:id/edit. */
export function MicroEditorPage() {
  const { id } = useParams();
  const t = useText();
  const navigate = useNavigate();
  const loaded = useMicro(id);
  if (id && loaded.isPending) return <Card loading />;
  if (id && (loaded.isError || !loaded.data)) {
    return (
      <Result
        status="warning"
        title={t(errorMessage(loaded.error))}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/micro-suggestions')}>
            {t('返回我的微建议')}
          </Button>
        }
      />
    );
  }
  return <MicroEditor initial={loaded.data} />;
}

function MicroEditor({ initial }: { initial: ReturnType<typeof useMicro>['data'] }) {
  const t = useText();
  const phone = usePhone();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<MicroDraftValues>();
  const adopt = useAdoptMicro();
  const autosave = useMicroAutosave({
    form,
    initial,
    onCreated: (created) => navigate(`/micro-suggestions/${created.id}/edit`, { replace: true }),
  });
  // The photos come from the item's own query: an upload does not change the draft's version.
  const fresh = useMicro(autosave.item?.id);
  const item = fresh.data ?? autosave.item;
  const [submitting, setSubmitting] = useState(false);
  const [submitKey] = useState(newIdempotencyKey);
  const problem = Form.useWatch('problem', form) ?? '';
  const suggestion = Form.useWatch('suggestion', form) ?? '';
  const max = item?.maxLength ?? DEFAULT_MICRO_MAX_LENGTH;
  const counter = microCounter({ problem, suggestion }, max);

  const conflict = autosave.state.status === 'conflict';
  const reload = autosave.reload;
  // A conflict may happen while the member is far down the form: say it where it cannot be missed.
  useEffect(() => {
    if (!conflict) return;
    const dialog = modal.warning({
      title: t('这件微建议已在别处被修改'),
      content: t('可能是在另一部手机或另一个窗口中改过。为避免互相覆盖，将重新加载最新内容。'),
      okText: t('重新加载'),
      onOk: () => reload().catch((error: unknown) => message.error(t(errorMessage(error)))),
    });
    return () => dialog.destroy();
  }, [conflict, modal, message, t, reload]);

  // Past writing (submitted…): the detail page shows it and what happens next.
  if (item && !hasMicroAction(item, 'edit')) return <Navigate to={`/micro-suggestions/${item.id}`} replace />;

  /** The draft's id, saving it first (a photo before the first autosave); null with a message when it has no title. */
  const ensureItemId = async (): Promise<string | null> => {
    if (autosave.item) return autosave.item.id;
    if (!String(form.getFieldValue('title') ?? '').trim()) {
      form.setFields([{ name: 'title', errors: [t('请先填写标题，再添加照片')] }]);
      return null;
    }
    const saved = await autosave.saveNow();
    if (!saved) message.error(t('草稿还没有保存，请稍后再试'));
    return saved?.id ?? null;
  };

  const submit = async () => {
    const values = { ...emptyMicroDraft(), ...form.getFieldsValue([...microDraftFields]) };
    const missing = missingForSubmit(values);
    if (missing.length > 0) {
      form.setFields(missing.map((entry) => ({ name: entry.name, errors: [t(entry.message)] })));
      message.error(t('还有内容没有填写'));
      return;
    }
    if (counter.over) {
      message.error(t(`问题和建议合计超过 ${max} 字，请删减后再提交`));
      return;
    }
    setSubmitting(true);
    try {
      const saved = await autosave.saveNow();
      if (!saved) {
        if (autosave.state.status !== 'conflict') message.error(t('草稿保存失败，请检查网络后重试'));
        return;
      }
      const submitted = await runMicroAction({
        id: saved.id,
        version: saved.version,
        action: 'submit',
        idempotencyKey: submitKey,
      });
      adopt(submitted);
      message.success(t('微建议已提交，提案委将尽快受理'));
      navigate(`/micro-suggestions/${submitted.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = error.errors.filter((entry) => (microDraftFields as readonly string[]).includes(entry.field));
        if (fields.length > 0) {
          form.setFields(fields.map((entry) => ({ name: entry.field as keyof MicroDraftValues, errors: [t(entry.message)] })));
        }
      }
      message.error(t(errorMessage(error)));
    } finally {
      setSubmitting(false);
    }
  };

  const submitButton = (
    <Popconfirm
      title={t('提交这件微建议？')}
      description={t('提交后内容不能再修改。')}
      okText={t('提交')}
      cancelText={t('再看看')}
      onConfirm={submit}
    >
      <Button
        type="primary"
        size={phone ? 'large' : 'middle'}
        block={phone}
        icon={<SendOutlined />}
        loading={submitting}
        disabled={counter.over || conflict}
      >
        {t('提交')}
      </Button>
    </Popconfirm>
  );

  return (
    <div className="micro-editor" style={{ maxWidth: 760 }}>
      <PageTitle
        title={item ? '修改微建议' : '写微建议'}
        extra={
          <>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(item ? `/micro-suggestions/${item.id}` : '/micro-suggestions')}
            >
              {t(item ? '查看详情' : '返回')}
            </Button>
            {phone ? null : submitButton}
          </>
        }
      />
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {t('身边的小问题，一句话说清楚')}
          </Typography.Text>
          <MicroAutosaveNote
            state={autosave.state}
            created={Boolean(item)}
            onRetry={() => void autosave.saveNow()}
            onReload={() => void autosave.reload().catch((error: unknown) => message.error(t(errorMessage(error))))}
          />
        </Flex>
        <Form<MicroDraftValues>
          form={form}
          layout="vertical"
          initialValues={emptyMicroDraft()}
          onValuesChange={autosave.changed}
          onBlur={() => void autosave.saveNow()}
          requiredMark={false}
        >
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, whitespace: true, message: t('请填写标题') }]}>
            <Input maxLength={MICRO_SUGGESTION_TITLE_MAX} showCount placeholder={t('如：幸福路路灯不亮')} enterKeyHint="next" />
          </Form.Item>
          <Form.Item name="place" label={t('地点')} extra={t('街道或社区，如：城关街道幸福社区')}>
            <Input maxLength={MICRO_SUGGESTION_PLACE_MAX} placeholder={t('街道（社区）')} enterKeyHint="next" />
          </Form.Item>
          <Form.Item name="problem" label={t('问题')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder={t('看到了什么问题，影响了谁')} />
          </Form.Item>
          <Form.Item name="suggestion" label={t('建议')} style={{ marginBottom: 4 }}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder={t('希望怎么解决')} />
          </Form.Item>
          <Typography.Text
            type={counter.over ? 'danger' : counter.near ? 'warning' : 'secondary'}
            strong={counter.over}
            aria-live="polite"
            style={{ display: 'block', marginBottom: 16, fontSize: '0.9em' }}
          >
            {t(microCounterText(counter))}
          </Typography.Text>
          <Form.Item label={`${t('照片')}（${t('可不传')}）`}>
            <PhotoPicker
              photos={item?.photos ?? []}
              max={item?.maxPhotos ?? 3}
              ensureItemId={ensureItemId}
              onChanged={() => void fresh.refetch()}
              hint="拍下问题现场，或从相册选择"
            />
          </Form.Item>
        </Form>
        {phone ? submitButton : null}
      </Card>
    </div>
  );
}
