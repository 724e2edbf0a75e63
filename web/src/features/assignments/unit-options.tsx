/** Pickers of handling units for assignment plans: all active units, searched on the client (40–200 per committee). */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo } from 'react';
import type { UnitPage } from '../../../../contracts/people.ts';
import { apiGet } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';

/** Every active unit (up to 200), for pickers and for naming units by id. */
export function useAllUnits() {
  return useQuery({
    queryKey: ['people', 'units', 'all-active'],
    queryFn: async () => (await apiGet<UnitPage>('/units', { active: 'true', limit: 200 })).items,
    staleTime: 5 * 60_000,
  });
}

/** The names of the units by id. */
export function useUnitNames(): Map<string, string> {
  const { data } = useAllUnits();
  return useMemo(() => new Map((data ?? []).map((unit) => [unit.id, unit.name])), [data]);
}

/** A searchable select of one or several units; ids in `exclude` are not offered. */
export function UnitsSelect(props: {
  value?: string[];
  onChange?: (value: string[]) => void;
  multiple?: boolean;
  exclude?: readonly string[];
  placeholder?: string;
  status?: 'error';
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
}) {
  const t = useT();
  const { data, isLoading } = useAllUnits();
  const value = props.value ?? [];
  const options = (data ?? [])
    .filter((unit) => !props.exclude?.includes(unit.id) || value.includes(unit.id))
    .map((unit) => ({ value: unit.id, label: unit.shortName ? `${unit.name}（${unit.shortName}）` : unit.name }));
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      status={props.status}
      value={props.multiple ? value : (value[0] ?? undefined)}
      onChange={(next: string | string[] | undefined) => props.onChange?.(Array.isArray(next) ? next : next ? [next] : [])}
      placeholder={t(props.placeholder ?? '输入名称搜索')}
      style={{ width: '100%', ...props.style }}
      options={options}
      notFoundContent={isLoading ? t('加载中…') : t('没有匹配的单位')}
    />
  );
}
