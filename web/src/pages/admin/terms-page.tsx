import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Session, Term } from '../../../../contracts/orgs.ts';
import { useSessions, useSetCurrentSession, useTerms } from '../../features/orgs/orgs-api.ts';
import { SessionFormModal } from '../../features/orgs/session-form-modal.tsx';
import { TermFormModal } from '../../features/orgs/term-form-modal.tsx';
import { formatDate } from '../../lib/format.ts';
import { useT } from './shared/admin-text.ts';
import { PageTitle, tableCardStyle, useFeedback, useWidthScale } from './shared/admin-ui.tsx';

/** 届次与会议: terms with their sessions; create and edit both; set the current session. */
export function TermsPage() {
  const w = useWidthScale();
  const t = useT();
  const feedback = useFeedback();
  const terms = useTerms();
  const sessions = useSessions();
  const setCurrent = useSetCurrentSession();
  const [termForm, setTermForm] = useState<{ term: Term | null } | null>(null);
  const [sessionForm, setSessionForm] = useState<{ session: Session | null; termId: string | null } | null>(null);
  const [chosenTermId, setChosenTermId] = useState<string | null>(null);

  const makeCurrent = async (session: Session) => {
    try {
      await setCurrent.mutateAsync(session.id);
      feedback.ok(`${t('已将')}${t(session.name)}${t('设为当前会议')}`);
    } catch (error) {
      feedback.fail(error);
    }
  };

  const sessionTable = (term: Term) => {
    const rows = (sessions.data ?? []).filter((session) => session.termId === term.id).sort((a, b) => a.number - b.number);
    return (
      <Table<Session>
        rowKey="id"
        size="middle"
        loading={sessions.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: w(900) }}
        locale={{ emptyText: t('本届还没有会议') }}
        columns={[
          {
            title: t('会议'),
            dataIndex: 'name',
            width: w(180),
            fixed: 'left',
            render: (name: string, session) => (
              <>
                {t(name)} {session.isCurrent ? <Tag color="blue">{t('当前')}</Tag> : null}
                {session.archivedAt ? <Tag>{t('已归档')}</Tag> : null}
              </>
            ),
          },
          { title: t('年份'), dataIndex: 'year', width: w(70) },
          {
            title: t('大会会期'),
            key: 'plenary',
            width: w(250),
            render: (_value, session) => `${formatDate(session.plenaryStartsOn)} — ${formatDate(session.plenaryEndsOn)}`,
          },
          {
            title: t('大会提案征集'),
            key: 'window',
            width: w(250),
            render: (_value, session) => `${formatDate(session.proposalWindowOpensOn)} — ${formatDate(session.plenaryEndsOn)}`,
          },
          {
            title: t('操作'),
            key: 'actions',
            width: w(150),
            fixed: 'right',
            render: (_value, session) => (
              <>
                <Button type="link" size="small" onClick={() => setSessionForm({ session, termId: session.termId })}>
                  {t('编辑')}
                </Button>
                {session.isCurrent || session.archivedAt ? null : (
                  <Popconfirm
                    title={t('设为当前会议后，新提交的事项默认归入该会议。确定吗？')}
                    okText={t('确定')}
                    cancelText={t('取消')}
                    onConfirm={() => makeCurrent(session)}
                  >
                    <Button type="link" size="small">
                      {t('设为当前')}
                    </Button>
                  </Popconfirm>
                )}
              </>
            ),
          },
        ]}
      />
    );
  };

  const chosenTerm =
    (terms.data ?? []).find((term) => term.id === chosenTermId) ??
    (terms.data ?? []).find((term) => term.isCurrent) ??
    terms.data?.[0] ??
    null;
  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="届次与会议"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTermForm({ term: null })}>
            {t('新增届次')}
          </Button>
        }
      />
      <Card size="small" style={tableCardStyle}>
        <Typography.Paragraph type="secondary">
          {t('每届政协任期五年，每年召开一次全体会议。“当前会议”决定新提交提案默认归属的会议和编号序列。')}
        </Typography.Paragraph>
        <Table<Term>
          rowKey="id"
          size="middle"
          loading={terms.isFetching}
          dataSource={terms.data ?? []}
          pagination={false}
          scroll={{ x: w(560) }}
          locale={{ emptyText: terms.error ? t('加载失败，请刷新重试') : t('暂无届次，请先新增届次') }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: chosenTerm ? [chosenTerm.id] : [],
            onChange: (keys) => setChosenTermId(String(keys[0])),
            columnTitle: t('查看'),
            columnWidth: 56,
          }}
          onRow={(term) => ({ onClick: () => setChosenTermId(term.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('届次'),
              dataIndex: 'name',
              width: w(160),
              render: (name: string, term) => (
                <>
                  {t(name)} {term.isCurrent ? <Tag color="blue">{t('本届')}</Tag> : null}
                </>
              ),
            },
            {
              title: t('任期'),
              key: 'period',
              width: w(260),
              render: (_value, term) => `${formatDate(term.startsOn)} — ${term.endsOn ? formatDate(term.endsOn) : t('至今')}`,
            },
            {
              title: t('会议数'),
              key: 'count',
              width: w(80),
              render: (_value, term) => (sessions.data ?? []).filter((session) => session.termId === term.id).length,
            },
            {
              title: t('操作'),
              key: 'actions',
              width: w(80),
              render: (_value, term) => (
                <>
                  <Button
                    type="link"
                    size="small"
                    onClick={(event) => {
                      event.stopPropagation();
                      setTermForm({ term });
                    }}
                  >
                    {t('编辑')}
                  </Button>
                </>
              ),
            },
          ]}
        />
      </Card>
      {chosenTerm ? (
        <Card
          size="small"
          style={{ ...tableCardStyle, marginTop: 16 }}
          title={`${t(chosenTerm.name)}${t('的会议')}`}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => setSessionForm({ session: null, termId: chosenTerm.id })}>
              {t('新增会议')}
            </Button>
          }
        >
          {sessionTable(chosenTerm)}
        </Card>
      ) : null}
      <TermFormModal
        open={termForm !== null}
        term={termForm?.term ?? null}
        onClose={() => setTermForm(null)}
        onSaved={() => {
          feedback.ok('已保存');
          setTermForm(null);
        }}
        fail={feedback.fail}
      />
      <SessionFormModal
        open={sessionForm !== null}
        session={sessionForm?.session ?? null}
        termId={sessionForm?.termId ?? null}
        terms={terms.data ?? []}
        onClose={() => setSessionForm(null)}
        onSaved={() => {
          feedback.ok('已保存');
          setSessionForm(null);
        }}
        fail={feedback.fail}
      />
    </div>
  );
}
