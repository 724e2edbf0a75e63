/**
 * 记录督办活动: a supervising leader (or the office) records a visit, meeting or inspection of an approved key
 * proposal with notes and photos. Each photo is uploaded as it is chosen; the activity then names the photos kept.
 */
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Image, Input, Modal, Select, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { activityKindNames, activityKinds, type KeyProposal } from '../../../../contracts/key-proposals.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { useSubmissionKey } from '../handling/handling-api.ts';
import { todayInChina } from '../orgs/calendar-grid.ts';
import { DateField } from '../orgs/date-field.tsx';
import { activityBody, MAX_ACTIVITY_PHOTOS, photoProblem, photoUrl, proposalLabel } from './key-proposal-rules.ts';
import { uploadSupervisionPhoto, useRecordActivity } from './key-proposals-api.ts';

type Values = { kind: string; happenedOn: string; notes: string };
type Photo = { id: string; fileName: string };

/** The dialog body of one key proposal (mounted while open, so its photos start empty each time). */
function ActivityForm(props: { item: KeyProposal; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const record = useRecordActivity(props.item.id);
  const submission = useSubmissionKey();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const pick = (file: File) => {
    const problem = photoProblem(file, photos.length + uploading);
    if (problem) {
      setError(problem);
      return false;
    }
    setError(null);
    setUploading((count) => count + 1);
    uploadSupervisionPhoto(props.item.id, file)
      .then((photo) => setPhotos((current) => [...current, photo]))
      .catch((failure: unknown) => setError(`${file.name}：${errorMessage(failure)}`))
      .finally(() => setUploading((count) => count - 1));
    return false;
  };

  const ok = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await record.mutateAsync({
        body: activityBody(
          values,
          photos.map((photo) => photo.id),
        ),
        idempotencyKey: submission.key(),
      });
      submission.done();
      props.onDone();
    } catch (failure) {
      if (!showServerFieldErrors(form, ['kind', 'happenedOn', 'notes'], failure)) setError(errorMessage(failure));
    }
  };

  return (
    <Modal
      open
      title={t('记录督办活动')}
      okText={t('保存')}
      cancelText={t('取消')}
      confirmLoading={record.isPending}
      okButtonProps={{ disabled: uploading > 0 }}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={props.onClose}
    >
      <Typography.Paragraph strong>{t(proposalLabel(props.item))}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'visit', happenedOn: todayInChina() }}>
        <Form.Item name="kind" label={t('活动方式')} rules={[{ required: true, message: t('请选择活动方式') }]}>
          <Select options={activityKinds.map((value) => ({ value, label: t(activityKindNames[value]) }))} />
        </Form.Item>
        <Form.Item name="happenedOn" label={t('活动日期')} rules={[{ required: true, message: t('请选择活动日期') }]}>
          <DateField allowClear={false} />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('活动记录')}
          rules={[{ required: true, whitespace: true, message: t('请填写活动记录') }]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount placeholder={t('参加人员、了解的情况、督办意见等')} />
        </Form.Item>
        <Form.Item label={`${t('现场照片')}（${photos.length}/${MAX_ACTIVITY_PHOTOS}）`}>
          <Flex wrap gap={8} align="center">
            <Image.PreviewGroup>
              {photos.map((photo) => (
                <Flex key={photo.id} vertical align="center" gap={2}>
                  <Image src={photoUrl(photo.id)} alt={photo.fileName} width={88} height={88} style={{ objectFit: 'cover' }} />
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('移除照片')} ${photo.fileName}`}
                    onClick={() => setPhotos((current) => current.filter((item) => item.id !== photo.id))}
                  >
                    {t('移除')}
                  </Button>
                </Flex>
              ))}
            </Image.PreviewGroup>
            {uploading > 0 ? <Spin /> : null}
            {photos.length + uploading < MAX_ACTIVITY_PHOTOS ? (
              <Upload accept=".jpg,.jpeg,.png,image/jpeg,image/png" multiple showUploadList={false} beforeUpload={pick}>
                <Button icon={<CameraOutlined />}>{t('添加照片')}</Button>
              </Upload>
            ) : null}
          </Flex>
          <Typography.Text type="secondary">{t('支持 JPG、PNG，单张不超过 10 MB')}</Typography.Text>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} /> : null}
    </Modal>
  );
}

/** The dialog; `item` is the key proposal, or null when closed. */
export function ActivityDialog(props: { item: KeyProposal | null; onClose: () => void; onDone: () => void }) {
  return props.item ? <ActivityForm key={props.item.id} item={props.item} onClose={props.onClose} onDone={props.onDone} /> : null;
}
