import { Select } from 'antd';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useStations } from './stations-api.ts';

/** A select of the committee's stations and studios (active ones; `current` keeps an inactive choice named). */
export function StationSelect(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  current?: { id: string; name: string } | null;
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const t = useT();
  const { data, isFetching } = useStations({ active: true });
  const options = (data ?? []).map((station) => ({ value: station.id, label: `${station.name}（${station.kindName}）` }));
  if (props.current && !options.some((option) => option.value === props.current?.id)) {
    options.unshift({ value: props.current.id, label: props.current.name });
  }
  return (
    <Select
      id={props.id}
      allowClear={props.allowClear ?? true}
      disabled={props.disabled}
      loading={isFetching}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) => props.onChange?.(value ?? null)}
      placeholder={t(props.placeholder ?? '选择联络站或工作室')}
      style={props.style}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={isFetching ? t('加载中…') : t('暂无联络站')}
    />
  );
}
