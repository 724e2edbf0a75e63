import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { type MemberPage, peopleRoutes } from '../../../../contracts/people.ts';
import { apiGet } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { membersKey } from './members-api.ts';

/** The active members matching a name search, as select options (name · sector · workplace). */
function useMemberOptions(search: string) {
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
  return { options, isFetching };
}

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
  const { options, isFetching } = useMemberOptions(search);
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

/**
 * A searchable select of several members at once; `exclude` are never offered (oneself, members already invited).
 * Chosen members keep their names while the search moves on to other names.
 */
export function MemberMultiSelect(props: {
  value?: string[];
  onChange?: (value: string[]) => void;
  exclude?: readonly string[];
  disabled?: boolean;
  id?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [chosenLabels, setChosenLabels] = useState<Map<string, string>>(new Map());
  const { options, isFetching } = useMemberOptions(search);
  const excluded = new Set(props.exclude ?? []);
  const offered = options.filter((option) => !excluded.has(option.value));
  for (const id of props.value ?? []) {
    const label = chosenLabels.get(id);
    if (label && !offered.some((option) => option.value === id)) offered.push({ value: id, label });
  }
  return (
    <Select
      id={props.id}
      mode="multiple"
      allowClear
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      value={props.value ?? []}
      onChange={(value: string[]) => {
        const labels = new Map(chosenLabels);
        for (const option of offered) if (value.includes(option.value)) labels.set(option.value, option.label);
        setChosenLabels(labels);
        setSearch('');
        props.onChange?.(value);
      }}
      placeholder={t('输入姓名搜索，可选多位')}
      options={offered}
      notFoundContent={isFetching ? t('加载中…') : t('没有可邀请的委员')}
    />
  );
}
