/**
 * 会议归档: every session of the committee with its archive — archive a finished session (after a confirmation
 * that shows what it freezes), follow its package being built, download the ZIP.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { SessionArchive } from '../../../../contracts/archive.ts';
import type { Session } from '../../../../contracts/orgs.ts';
import { downloadArchivePackage, useArchives } from '../../features/archive/archive-api.ts';
import { ArchiveDialog } from '../../features/archive/archive-dialog.tsx';
import { archiveBlocker, sizeText } from '../../features/archive/archive-rules.ts';
import { useSessions } from '../../features/orgs/orgs-api.ts';
import { sessionLabel } from '../../features/supervision/session-select.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { PageTitle, tableCardStyle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';

type Row = { session: Session; archive: SessionArchive | undefined };

/** The archive cell: its state, counts and the download; or the archive button with why it is disabled. */
function ArchiveCell(props: { row: Row; onArchive: (session: Session) => void; onDownload: (archive: SessionArchive) => void }) {
  const t = useText();
  const { session, archive } = props.row;
  if (archive) {
    const color = archive.state === 'ready' ? 'green' : archive.state === 'failed' ? 'red' : 'processing';
    return (
      <Space wrap size={[8, 4]}>
        <Tag color={color}>{t(`归档包${archive.stateName}`)}</Tag>
        {archive.state === 'ready' ? (
          <Button size="small" icon={<DownloadOutlined />} onClick={() => props.onDownload(archive)}>
            {t('下载归档包')}
          </Button>
        ) : null}
        {archive.error ? <Typography.Text type="danger">{t(archive.error)}</Typography.Text> : null}
      </Space>
    );
  }
  const blocker = archiveBlocker(session);
  const button = (
    <Button size="small" danger icon={<InboxOutlined />} disabled={blocker !== null} onClick={() => props.onArchive(session)}>
      {t('归档')}
    </Button>
  );
  return blocker ? <Tooltip title={t(blocker)}>{button}</Tooltip> : button;
}

export function ArchivePage() {
  const t = useText();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const sessions = useSessions();
  const archives = useArchives();
  const [archiving, setArchiving] = useState<Session | null>(null);
  const byId = new Map((archives.data ?? []).map((archive) => [archive.sessionId, archive]));
  const rows: Row[] = [...(sessions.data ?? [])]
    .sort((a, b) => b.year - a.year || b.number - a.number)
    .map((session) => ({ session, archive: byId.get(session.id) }));
  const download = (archive: SessionArchive) => void downloadArchivePackage(archive).catch(feedback.fail);
  const details = (row: Row) =>
    row.archive
      ? `${t('归档于')} ${formatDateTime(row.archive.archivedAt)} · ${t(row.archive.archivedByName)} · ${row.archive.proposalCount} ${t('件提案')}${
          row.archive.fileCount !== null ? ` · ${row.archive.fileCount} ${t('个文件')} · ${sizeText(row.archive.size)}` : ''
        }`
      : row.session.isCurrent
        ? t('当前会议')
        : t('未归档');
  const loading = sessions.isLoading || archives.isLoading;
  const cell = (row: Row) => <ArchiveCell row={row} onArchive={setArchiving} onDownload={download} />;
  return (
    <div>
      {feedback.holder}
      <PageTitle title="会议归档" />
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          rows.length === 0 && !loading ? (
            <Empty description={t('暂无会议')} />
          ) : (
            <Flex vertical gap={12}>
              {rows.map((row) => (
                <Card key={row.session.id} size="small">
                  <Flex vertical gap={6}>
                    <Typography.Text strong>{t(sessionLabel(row.session))}</Typography.Text>
                    <Typography.Text type="secondary">{details(row)}</Typography.Text>
                    <div>{cell(row)}</div>
                  </Flex>
                </Card>
              ))}
            </Flex>
          )
        ) : (
          <Table<Row>
            rowKey={(row) => row.session.id}
            size="middle"
            loading={loading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(860) }}
            locale={{ emptyText: t('暂无会议') }}
            columns={[
              { title: t('会议'), key: 'session', width: w(240), render: (_value, row) => t(sessionLabel(row.session)) },
              { title: t('年份'), key: 'year', width: w(80), render: (_value, row) => row.session.year },
              { title: t('归档情况'), key: 'details', width: w(340), render: (_value, row) => details(row) },
              { title: t('操作'), key: 'actions', width: w(240), fixed: 'right', render: (_value, row) => cell(row) },
            ]}
          />
        )}
      </Card>
      <ArchiveDialog
        session={archiving}
        onClose={() => setArchiving(null)}
        onDone={(text) => {
          feedback.ok(text);
          setArchiving(null);
        }}
      />
    </div>
  );
}
