/**
 * 附件: the files attached to a proposal (PDF, Word, images) with size and a download link; while the proposer
 * still edits it, an upload area (drag or click) and a delete button. The server checks type, size and count and
 * answers in Chinese; this panel shows that answer.
 */
import {
  DeleteOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Popconfirm, Spin, Typography, Upload } from 'antd';
import type { Attachment, AttachmentList } from '../../../../contracts/attachments.ts';
import { api, downloadFile, errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { proposalsKey } from './proposals-api.ts';

/** What the file picker offers; the server decides by the file's content. */
const ACCEPT = '.pdf,.doc,.docx,.jpg,.jpeg,.png';
const ACCEPTED_EXTENSIONS = ACCEPT.split(',');

/** The query key of a proposal's attachments (under ['proposals'], so any proposal change refreshes it). */
export const attachmentsKey = (proposalId: string) => [...proposalsKey, 'attachments', proposalId] as const;

/** A byte count as people read it: 850 B, 12.3 KB, 4.5 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The icon of a detected content type. */
function iconOf(contentType: string) {
  if (contentType === 'application/pdf') return <FilePdfOutlined style={{ color: '#cf1322' }} />;
  if (contentType.startsWith('image/')) return <FileImageOutlined style={{ color: '#389e0d' }} />;
  if (contentType.includes('word')) return <FileWordOutlined style={{ color: '#1d39c4' }} />;
  return <FileOutlined />;
}

/** The attachments card of one proposal; `editable` when the proposer may still change them (before submission). */
export function AttachmentsPanel({ proposalId, editable }: { proposalId: string; editable: boolean }) {
  const t = useText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const path = `/proposals/${proposalId}/attachments`;
  const list = useQuery({
    queryKey: attachmentsKey(proposalId),
    queryFn: () => api.get<AttachmentList>(path),
  });
  const refresh = () => client.invalidateQueries({ queryKey: attachmentsKey(proposalId) });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<Attachment>(path, form);
    },
    onSuccess: (attachment) => {
      message.success(`${t('已上传')}：${attachment.fileName}`);
      void refresh();
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const remove = useMutation({
    mutationFn: (attachment: Attachment) => api.delete(`${path}/${attachment.id}`),
    onSuccess: () => {
      message.success(t('已删除附件'));
      void refresh();
    },
    onError: (error) => {
      message.error(errorMessage(error));
      void refresh();
    },
  });

  const items = list.data?.items ?? [];
  const canEdit = editable && (list.data?.editable ?? true);
  const maxMegabytes = list.data?.maxMegabytes;
  const maxCount = list.data?.maxCount;
  const full = maxCount !== undefined && items.length >= maxCount;

  /** Quick checks before sending (the server checks again and has the last word). */
  const pick = (file: File) => {
    const lower = file.name.toLowerCase();
    if (!ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
      message.error(t('只支持 PDF、Word（.doc、.docx）、JPG、PNG 格式的附件'));
    } else if (maxMegabytes !== undefined && file.size > maxMegabytes * 1024 * 1024) {
      message.error(`${t('附件不能超过')} ${maxMegabytes} MB`);
    } else if (file.size === 0) {
      message.error(t('上传的文件是空的，请重新选择文件'));
    } else {
      upload.mutate(file);
    }
    return false;
  };

  const download = async (attachment: Attachment) => {
    try {
      await downloadFile(`${path}/${attachment.id}`, undefined, attachment.fileName);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const limits =
    maxMegabytes !== undefined && maxCount !== undefined
      ? `${t('支持 PDF、Word、JPG、PNG，单个文件不超过')} ${maxMegabytes} MB，${t('最多')} ${maxCount} ${t('个')}`
      : t('支持 PDF、Word、JPG、PNG');

  return (
    <Card size="small" title={`${t('附件')}${items.length ? `（${items.length}）` : ''}`}>
      {list.isLoading ? (
        <Spin />
      ) : list.isError ? (
        <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无附件')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              style={{ paddingInline: 0 }}
              actions={
                canEdit
                  ? [
                      <Popconfirm
                        key="delete"
                        title={`${t('删除附件')}“${item.fileName}”？`}
                        okText={t('删除')}
                        cancelText={t('取消')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutateAsync(item).catch(() => undefined)}
                      >
                        <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('删除附件')}>
                          {t('删除')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                avatar={iconOf(item.contentType)}
                title={
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => download(item)}
                  >
                    {item.fileName}
                  </Button>
                }
                description={`${formatFileSize(item.size)} · ${formatDateTime(item.createdAt)}`}
              />
            </List.Item>
          )}
        />
      )}
      {canEdit ? (
        <div style={{ marginTop: 12 }}>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending || full}
            beforeUpload={pick}
          >
            <p className="ant-upload-drag-icon">{upload.isPending ? <Spin /> : <InboxOutlined />}</p>
            <p className="ant-upload-text">
              {full ? t('附件数量已达上限，请先删除不需要的附件') : t('点击或拖动文件到这里上传附件')}
            </p>
            <p className="ant-upload-hint">{limits}</p>
          </Upload.Dragger>
        </div>
      ) : items.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('提案提交后附件不能再修改。')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
