import { Button, Card, Empty, Flex, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Extension, ExtensionAction } from '../../../../contracts/handling.ts';
import { ExtensionDecisionDialog } from '../../features/handling/extension-decision-dialog.tsx';
import { useExtensions } from '../../features/handling/handling-api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, tableCardStyle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';

/** True when the request offers the action to the current user. */
function offers(extension: Extension, action: ExtensionAction): boolean {
  return extension.actions.some((item) => item.action === action);
}

/** The decision buttons of one request. */
function DecisionButtons(props: {
  row: Extension;
  link?: boolean;
  onDecide: (extension: Extension, action: ExtensionAction) => void;
}) {
  const t = useT();
  const type = props.link ? 'link' : 'default';
  return (
    <Space size={props.link ? 0 : 8} wrap>
      {offers(props.row, 'approve') ? (
        <Button
          type={props.link ? 'link' : 'primary'}
          size={props.link ? 'small' : 'middle'}
          onClick={() => props.onDecide(props.row, 'approve')}
        >
          {t('同意')}
        </Button>
      ) : null}
      {offers(props.row, 'refuse') ? (
        <Button type={type} size={props.link ? 'small' : 'middle'} danger onClick={() => props.onDecide(props.row, 'refuse')}>
          {t('不同意')}
        </Button>
      ) : null}
    </Space>
  );
}

/** The requests as cards, for a phone. */
function ExtensionCards(props: {
  rows: Extension[];
  loading: boolean;
  emptyText: string;
  onDecide: (extension: Extension, action: ExtensionAction) => void;
}) {
  const t = useT();
  if (!props.loading && props.rows.length === 0) return <Empty description={props.emptyText} />;
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={12}>
        {props.rows.map((row) => (
          <Card key={row.id} size="small">
            <Flex vertical gap={6}>
              <Link to={row.link} style={{ fontWeight: 600 }}>
                {row.kind === 'proposal' ? '' : `${t(row.kindName)} · `}
                {t(row.proposalTitle)}
              </Link>
              <Typography.Text>
                {t(row.unitName)} ·{' '}
                <Typography.Text type="secondary">
                  {t('申请于')} {formatDateTime(row.requestedAt)}
                </Typography.Text>
              </Typography.Text>
              <Typography.Text>
                {t('答复期限')}：{formatDate(row.previousDueOn)} →{' '}
                <Typography.Text strong>{formatDate(row.requestedDueOn)}</Typography.Text>
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{t(row.reason)}</Typography.Paragraph>
              <DecisionButtons row={row} onDecide={props.onDecide} />
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

/** 延期申请: the units' extension requests awaiting the office, to approve or refuse with a reason. */
export function ExtensionsPage() {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const { data, isFetching, error } = useExtensions({ state: 'requested' });
  const [decision, setDecision] = useState<{ extension: Extension; action: ExtensionAction } | null>(null);
  const rows = data ?? [];
  const emptyText = error ? t('加载失败，请刷新重试') : t('没有待审批的延期申请');
  const decide = (extension: Extension, action: ExtensionAction) => setDecision({ extension, action });
  return (
    <div>
      {feedback.holder}
      <PageTitle title="延期申请" />
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          <ExtensionCards rows={rows} loading={isFetching} emptyText={emptyText} onDecide={decide} />
        ) : (
          <Table<Extension>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(1000) }}
            locale={{ emptyText }}
            columns={[
              {
                title: t('提案'),
                key: 'proposal',
                width: w(260),
                render: (_value, row) => (
                  <Link to={row.link}>
                    {row.kind === 'proposal' ? '' : `${t(row.kindName)} · `}
                    {t(row.proposalTitle)}
                  </Link>
                ),
              },
              { title: t('申请单位'), dataIndex: 'unitName', width: w(160), render: (name: string) => t(name) },
              {
                title: t('答复期限'),
                key: 'due',
                width: w(200),
                render: (_value, row) => (
                  <>
                    {formatDate(row.previousDueOn)} → <Typography.Text strong>{formatDate(row.requestedDueOn)}</Typography.Text>
                  </>
                ),
              },
              {
                title: t('延期理由'),
                dataIndex: 'reason',
                width: w(280),
                render: (reason: string) => (
                  <Typography.Paragraph
                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                    ellipsis={{ rows: 3, expandable: true }}
                  >
                    {t(reason)}
                  </Typography.Paragraph>
                ),
              },
              {
                title: t('申请时间'),
                dataIndex: 'requestedAt',
                width: w(160),
                render: (value: string) => formatDateTime(value),
              },
              {
                title: t('操作'),
                key: 'actions',
                fixed: 'right',
                width: w(140),
                render: (_value, row) => <DecisionButtons row={row} link onDecide={decide} />,
              },
            ]}
          />
        )}
      </Card>
      <ExtensionDecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={(message) => {
          setDecision(null);
          feedback.ok(message);
        }}
      />
    </div>
  );
}
