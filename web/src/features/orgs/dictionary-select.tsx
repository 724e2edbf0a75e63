import { Select } from 'antd';
import type { DictionaryKind } from '../../../../contracts/orgs.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDictionary } from './orgs-api.ts';

/** A select of one dictionary's active entries (界别, 党派…), usable inside an antd Form.Item. */
export function DictionarySelect(props: {
  kind: DictionaryKind;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const t = useT();
  const { data, isLoading } = useDictionary(props.kind);
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) => props.onChange?.(value ?? null)}
      placeholder={props.placeholder ? t(props.placeholder) : t('请选择')}
      style={props.style}
      options={(data ?? []).map((entry) => ({ value: entry.id, label: t(entry.name) }))}
    />
  );
}
