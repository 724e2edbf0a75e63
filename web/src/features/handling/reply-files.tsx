/**
 * 答复附件: the files of a reply with their download links; while the unit drafts it, an upload button and a
 * delete button. The server checks type, size and count and answers in Chinese.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import type { Attachment } from '../../../../contracts/attachments.ts';
import type { Reply } from '../../../../contracts/handling.ts';
import { api, downloadFile, errorMessage } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { formatFileSize } from '../proposals/attachments-panel.tsx';
import { useInvalidateHandling } from './handling-api.ts';
import { editableReply } from './reply-rules.ts';

const ACCEPT = '.pdf,.doc,.docx,.jpg,.jpeg,.png';
/** Photos first (a phone offers the camera and the album), documents still allowed. */
const PHOTO_FIRST = 'image/jpeg,image/png,.jpg,.jpeg,.png,.pdf,.doc,.docx';

/** The files; `photos` words the upload for a kind whose replies show the fixed problem (a micro-suggestion). */
export function ReplyFiles({ reply, photos = false }: { reply: Reply; photos?: boolean }) {
  const t = useText();
  const { message } = App.useApp();
  const invalidate = useInvalidateHandling();
  const editable = editableReply([reply]) === reply;
  const path = `/replies/${reply.id}/attachments`;
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<Attachment>(path, form);
    },
    onSuccess: (file) => {
      message.success(`${t('已上传')}：${file.fileName}`);
      invalidate();
    },
    onError: (error) => message.error(t(errorMessage(error))),
  });
  const remove = useMutation({
    mutationFn: (file: Attachment) => api.delete(`${path}/${file.id}`),
    onSuccess: () => {
      message.success(t('已删除附件'));
      invalidate();
    },
    onError: (error) => message.error(t(errorMessage(error))),
  });
  if (reply.attachments.length === 0 && !editable) return null;
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">{t(photos ? '答复附件（整改后照片等）' : '答复附件')}</Typography.Text>
      {reply.attachments.map((file) => (
        <Flex key={file.id} gap={8} align="center" wrap>
          <PaperClipOutlined />
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() =>
              void downloadFile(`${path}/${file.id}`, undefined, file.fileName).catch((error) =>
                message.error(t(errorMessage(error))),
              )
            }
          >
            {file.fileName}
          </Button>
          <Typography.Text type="secondary">{formatFileSize(file.size)}</Typography.Text>
          {editable ? (
            <Popconfirm
              title={`${t('删除附件')}“${file.fileName}”？`}
              okText={t('删除')}
              cancelText={t('取消')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync(file).catch(() => undefined)}
            >
              <Button
                type="text"
                danger
                size="small"
                icon={<DeleteOutlined />}
                aria-label={`${t('删除附件')} ${file.fileName}`}
              />
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
      {editable ? (
        <Upload
          accept={photos ? PHOTO_FIRST : ACCEPT}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
            {t(photos ? '上传照片或附件' : '上传答复附件')}
          </Button>
        </Upload>
      ) : null}
    </Flex>
  );
}
