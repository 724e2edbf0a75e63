/** A searchable select of proposals (number and title), optionally only those in some states. */
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDebouncedValue } from '../proposals/use-debounced-value.ts';
import { proposalLabel } from './key-proposal-rules.ts';
import { useProposalOptions } from './key-proposals-api.ts';

/** The select; the value is the proposal's id. `states` keeps only proposals in those states. */
export function ProposalSelect(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  sessionId?: string;
  states?: readonly string[];
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const { data, isFetching } = useProposalOptions(debounced, props.sessionId);
  const options = (data?.items ?? [])
    .filter((item) => !props.states || props.states.includes(item.state))
    .map((item) => ({
      value: item.id,
      label: t(proposalLabel(item)),
      title: t(item.title),
      state: t(item.stateName),
    }));
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) => props.onChange?.(value ?? null)}
      placeholder={t(props.placeholder ?? '输入案由、关键词或提案人搜索')}
      style={{ width: '100%', ...props.style }}
      options={options}
      optionRender={(option) => (
        <span style={{ whiteSpace: 'normal' }}>
          {option.label} <Typography.Text type="secondary">（{option.data.state}）</Typography.Text>
        </span>
      )}
      notFoundContent={isFetching ? t('加载中…') : t('没有匹配的提案')}
    />
  );
}
