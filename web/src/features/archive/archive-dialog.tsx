/**
 * The confirmation before archiving a session: how many proposals it freezes, by state, and how many are not
 * finished (they are frozen as they are). Archiving cannot be undone.
 */
import { Alert, Descriptions, Modal, Skeleton, Tag, Typography } from 'antd';
import type { Session } from '../../../../contracts/orgs.ts';
import { errorMessage } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { sessionLabel } from '../supervision/session-select.tsx';
import { useArchivePreview, useArchiveSession } from './archive-api.ts';

export function ArchiveDialog(props: { session: Session | null; onClose: () => void; onDone: (text: string) => void }) {
  const t = useText();
  const preview = useArchivePreview(props.session?.id ?? null);
  const archive = useArchiveSession();
  const data = preview.data;
  const submit = async () => {
    if (!props.session) return;
    try {
      await archive.mutateAsync({ sessionId: props.session.id, version: props.session.version });
      props.onDone(`${sessionLabel(props.session)}已归档，正在生成归档包`);
    } catch {
      // shown below the summary
    }
  };
  return (
    <Modal
      open={props.session !== null}
      title={`${t('归档')} · ${props.session ? t(sessionLabel(props.session)) : ''}`}
      okText={t('确认归档')}
      okButtonProps={{ danger: true, disabled: !data || data.archived || data.isCurrent, loading: archive.isPending }}
      cancelText={t('取消')}
      onOk={submit}
      onCancel={() => {
        archive.reset();
        props.onClose();
      }}
      destroyOnHidden
    >
      {preview.isLoading ? <Skeleton active /> : null}
      {preview.error ? <Alert type="error" title={t(errorMessage(preview.error))} /> : null}
      {data ? (
        <>
          <Typography.Paragraph>
            {t(
              '归档后，本次会议的全部提案转为只读，不能再修改、答复或评价；同时生成归档包（每件提案及答复的 Word 文件、附件、Excel 和 JSON 索引）。归档不可撤销。',
            )}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'total', label: t('提案总数'), children: data.total },
              {
                key: 'unfinished',
                label: t('尚未办结'),
                children:
                  data.unfinished > 0 ? <Typography.Text type="warning">{data.unfinished}</Typography.Text> : data.unfinished,
              },
              {
                key: 'states',
                label: t('按状态'),
                children: data.byState.length
                  ? data.byState.map((item) => (
                      <Tag key={item.state} style={{ marginBottom: 4 }}>
                        {t(item.stateName)} {item.count}
                      </Tag>
                    ))
                  : '—',
              },
            ]}
          />
          {data.unfinished > 0 ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={t(`有 ${data.unfinished} 件提案尚未办结，归档后将按当前状态冻结。`)}
            />
          ) : null}
        </>
      ) : null}
      {archive.error ? <Alert style={{ marginTop: 12 }} type="error" title={t(errorMessage(archive.error))} /> : null}
    </Modal>
  );
}
