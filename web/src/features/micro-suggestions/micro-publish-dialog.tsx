/**
 * 公开到门户: the office reads the public copy of a resolved micro-suggestion before it goes out — the texts with
 * phones, ID numbers and contact details removed (the server's redaction; the office may still edit them, and
 * they are redacted again) and the before/after photos to show — then confirms.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Flex, Form, Image, Input, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import type { MicroSuggestion } from '../../../../contracts/micro-suggestions.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { MicroActionDialog, type MicroDialogProps, useMicroActionSubmit } from './micro-action-dialog.tsx';
import { microKey } from './micro-api.ts';
import { type PublicTexts, publicPhotosOf, publishBody, removedText } from './publication-rules.ts';

/** The redacted public copy the server proposes (null when this server has no preview route). */
type Preview = PublicTexts & { removed?: Record<string, number> };

/** The preview, or null when the route is missing (the texts are then shown as written; the server redacts them). */
function usePublicationPreview(item: MicroSuggestion, open: boolean) {
  return useQuery({
    queryKey: [...microKey, 'publication-preview', item.id, item.version],
    queryFn: async (): Promise<Preview | null> => {
      try {
        return await api.get<Preview>(`/micro-suggestions/${item.id}/publication-preview`);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
        throw error;
      }
    },
    enabled: open,
    retry: false,
  });
}

/** The texts as written, when the server offers no preview. */
function writtenTexts(item: MicroSuggestion): PublicTexts {
  const reply =
    item.handlingMode === 'member'
      ? (item.memberReport?.text ?? '')
      : ([...(item.handling?.replies ?? [])].sort((a, b) => b.round - a.round)[0]?.text ?? '');
  return { title: item.title, place: item.place, problem: item.problem, suggestion: item.suggestion, reply };
}

type PublishValues = PublicTexts & { photoIds: string[] };

/** The dialog. */
export function PublishDialog({ item, open, onClose, onDone }: MicroDialogProps) {
  const t = useText();
  const [form] = Form.useForm<PublishValues>();
  const action = useMicroActionSubmit(item, 'publish');
  const preview = usePublicationPreview(item, open);
  const proposed = preview.data ?? writtenTexts(item);
  const photos = publicPhotosOf(item);
  const ready = !preview.isLoading;

  // Filled once per opening, when the preview has come (a refetch must not overwrite the office's edits).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts and photos are read at that moment only
  useEffect(() => {
    if (!open || !ready) return;
    form.setFieldsValue({ ...proposed, photoIds: photos.map((photo) => photo.id) });
  }, [open, ready]);

  const ok = async () => {
    const values = await form.validateFields();
    const body = publishBody(
      proposed,
      values,
      photos.map((photo) => photo.id),
      values.photoIds ?? [],
    );
    const updated = await action.submit(body, form, ['title', 'place', 'problem', 'suggestion', 'reply', 'photoIds']);
    if (updated) onDone(updated, '已公开到门户');
  };

  const removed = preview.data?.removed ? removedText(preview.data.removed) : null;
  return (
    <MicroActionDialog
      open={open}
      title="公开到门户"
      okText="确认公开"
      item={item}
      width={720}
      {...action}
      okDisabled={!ready}
      onOk={ok}
      onClose={onClose}
    >
      {preview.isLoading ? (
        <Skeleton active />
      ) : (
        <>
          <Alert
            type={removed ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              preview.data
                ? removed
                  ? `${t('已自动去除')}：${t(removed)}`
                  : t('以下是公开的文本，未发现电话、身份证号等个人信息')
                : t('公开时将自动去除电话、身份证号、邮箱等个人信息')
            }
            description={t('请核对公开的文本，可以修改；委员姓名和承办单位名称会一并公开。')}
          />
          <Form form={form} layout="vertical">
            <Form.Item name="title" label={t('标题')} rules={[{ required: true, whitespace: true, message: t('标题不能为空') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="place" label={t('地点')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="problem" label={t('问题')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
            <Form.Item name="suggestion" label={t('建议')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
            <Form.Item name="reply" label={t(item.handlingMode === 'member' ? '办理结果' : '承办单位答复')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
            {photos.length > 0 ? (
              <Form.Item name="photoIds" label={t('公开的照片')} extra={t('照片中如有人脸、车牌、门牌等，请不要勾选')}>
                <Checkbox.Group style={{ width: '100%' }}>
                  <Flex gap={12} wrap>
                    {photos.map((photo) => (
                      <Checkbox key={photo.id} value={photo.id}>
                        <Flex vertical align="center" gap={2}>
                          <Image
                            src={photo.url}
                            width="4.5rem"
                            height="4.5rem"
                            style={{ objectFit: 'cover', borderRadius: 6 }}
                            alt={t(photo.label)}
                          />
                          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                            {t(photo.label)}
                          </Typography.Text>
                        </Flex>
                      </Checkbox>
                    ))}
                  </Flex>
                </Checkbox.Group>
              </Form.Item>
            ) : null}
          </Form>
        </>
      )}
    </MicroActionDialog>
  );
}
