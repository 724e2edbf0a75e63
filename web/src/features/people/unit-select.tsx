import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useUnitOptions } from './units-api.ts';

/** A searchable select of active handling units; `current` names the selected unit before the search loads it. */
export function UnitSelect(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  current?: { id: string; name: string } | null;
  excludeId?: string;
  disabled?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const { data, isFetching } = useUnitOptions(search);
  const options = (data?.items ?? [])
    .filter((unit) => unit.id !== props.excludeId)
    .map((unit) => ({ value: unit.id, label: unit.name }));
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
      placeholder={t(props.placeholder ?? '输入名称搜索')}
      style={props.style}
      options={options}
      notFoundContent={isFetching ? t('加载中…') : t('没有匹配的单位')}
    />
  );
}
