/**
 * 我的微建议: the member's own micro-suggestions (drafts too) as tappable cards with their state, newest first,
 * and the big 写微建议 button. A draft opens in the form, anything else in its detail.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type MicroSuggestionState, microSuggestionStates } from '../../../../contracts/micro-suggestions.ts';
import { usePhone } from '../../app/use-phone.ts';
import { useMicroList } from '../../features/micro-suggestions/micro-api.ts';
import { microStateName } from '../../features/micro-suggestions/micro-labels.ts';
import { MicroRowCard } from '../../features/micro-suggestions/micro-row-card.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { CursorPager, PageTitle } from '../admin/shared/admin-ui.tsx';
import { type CursorPages, currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';

/** The screen. */
export function MyMicroListPage() {
  const t = useText();
  const phone = usePhone();
  const navigate = useNavigate();
  const [state, setState] = useState<MicroSuggestionState | undefined>();
  const [pages, setPages] = useState<CursorPages>(firstPage(20));
  const list = useMicroList({ mine: 'true', state }, currentCursor(pages), pages.pageSize);
  const rows = list.data?.items ?? [];
  const write = (
    <Button
      type="primary"
      size={phone ? 'large' : 'middle'}
      block={phone}
      icon={<PlusOutlined />}
      onClick={() => navigate('/micro-suggestions/new')}
    >
      {t('写微建议')}
    </Button>
  );
  return (
    <div style={{ maxWidth: 860 }}>
      <PageTitle title="我的微建议" extra={phone ? undefined : write} />
      {phone ? <div style={{ marginBottom: 12 }}>{write}</div> : null}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('身边的小事，随手提、及时办')}</Typography.Text>
        <Select
          aria-label={t('状态')}
          allowClear
          placeholder={t('全部状态')}
          style={{ minWidth: 140 }}
          value={state}
          onChange={(value: MicroSuggestionState | undefined) => {
            setState(value);
            setPages(firstPage(pages.pageSize));
          }}
          options={microSuggestionStates.map((value) => ({ value, label: t(microStateName(value)) }))}
        />
      </Flex>
      {list.isLoading ? <Skeleton active /> : null}
      {list.isError ? <Typography.Text type="danger">{t(errorMessage(list.error))}</Typography.Text> : null}
      {!list.isLoading && rows.length === 0 && !list.isError ? (
        <Card>
          <Empty description={t(state ? '没有这个状态的微建议' : '还没有微建议，点“写微建议”提出第一条')} />
        </Card>
      ) : null}
      <Flex vertical gap={10}>
        {rows.map((row) => (
          <MicroRowCard
            key={row.id}
            row={row}
            to={row.state === 'draft' ? `/micro-suggestions/${row.id}/edit` : `/micro-suggestions/${row.id}`}
          />
        ))}
      </Flex>
      {pages.index > 0 || list.data?.nextCursor ? (
        <CursorPager
          pages={pages}
          rowsOnPage={rows.length}
          nextCursor={list.data?.nextCursor}
          loading={list.isFetching}
          onChange={setPages}
        />
      ) : null}
    </div>
  );
}
