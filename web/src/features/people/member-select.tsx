import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { type MemberPage, peopleRoutes } from '../../../../contracts/people.ts';
import { apiGet } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { membersKey } from './members-api.ts';

/** A searchable select of members by name; `current` names the selected member before the search loads it. */
export function MemberSelect(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  current?: { id: string; name: string } | null;
  disabled?: boolean;
  id?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: [...membersKey, 'options', search],
    queryFn: () => apiGet<MemberPage>(peopleRoutes.members, { q: search.trim() || undefined, limit: 30, state: 'active' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (data?.items ?? []).map((member) => ({
    value: member.id,
    label: [member.name, member.sector?.name, member.workplace].filter(Boolean).join(' · '),
  }));
  if (props.current && !options.some((option) => option.value === props.current?.id)) {
    options.unshift({ value: props.current.id, label: props.current.name });
  }
  return (
    <Select
      id={props.id}
      allowClear
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) => props.onChange?.(value ?? null)}
      placeholder={t('输入姓名搜索')}
      options={options}
      notFoundContent={isFetching ? t('加载中…') : t('没有匹配的委员')}
    />
  );
}
