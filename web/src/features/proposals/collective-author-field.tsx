/**
 * 提案单位 of a collective proposal (集体提案), entered by the office: an organisation of the committee's
 * dictionaries (党派, 界别, 小组, 专委会; one select, grouped by kind) or a name typed in (a people's organisation
 * such as 市总工会). Usable inside an antd Form.Item; `collectiveAuthorOf` turns the value into the API's body.
 */
import { Flex, Input, Radio, Select } from 'antd';
import type { DictionaryKind } from '../../../../contracts/orgs.ts';
import type { ProposalCreate } from '../../../../contracts/proposals.ts';
import { useText } from '../../lib/i18n.tsx';
import { useDictionary } from '../orgs/orgs-api.ts';

/** The field's value: how the author is given, and the entry or the name. */
export type CollectiveAuthorValue = { mode: 'entry'; entryId: string | null } | { mode: 'name'; name: string };

/** The dictionary kinds that may author a collective proposal, in the order the select groups them. */
export const collectiveAuthorKinds = ['party', 'sector', 'group', 'committee'] as const satisfies readonly DictionaryKind[];
const kindNames: Record<(typeof collectiveAuthorKinds)[number], string> = {
  party: '党派',
  sector: '界别',
  group: '小组',
  committee: '专委会',
};

/** An empty value (pick from the dictionaries). */
export function emptyCollectiveAuthor(): CollectiveAuthorValue {
  return { mode: 'entry', entryId: null };
}

/** The `collectiveAuthor` of POST /proposals, or null while nothing usable is given. */
export function collectiveAuthorOf(value: CollectiveAuthorValue | null | undefined): ProposalCreate['collectiveAuthor'] | null {
  if (!value) return null;
  if (value.mode === 'entry') return value.entryId ? { entryId: value.entryId } : null;
  const name = value.name.trim();
  return name ? { name: name.slice(0, 100) } : null;
}

/** The form rule: required, and a typed name at most 100 characters. */
export const collectiveAuthorRule = {
  validator: async (_rule: unknown, value: CollectiveAuthorValue | undefined) => {
    if (value?.mode === 'name' && value.name.trim().length > 100) throw new Error('名称不能超过 100 个字符');
    if (!collectiveAuthorOf(value)) {
      throw new Error(value?.mode === 'name' ? '请填写提案单位的名称' : '请选择提案单位');
    }
  },
};

/** The 提案单位 control. */
export function CollectiveAuthorField(props: {
  value?: CollectiveAuthorValue;
  onChange?: (value: CollectiveAuthorValue) => void;
  id?: string;
  disabled?: boolean;
}) {
  const t = useText();
  const value = props.value ?? emptyCollectiveAuthor();
  const party = useDictionary('party');
  const sector = useDictionary('sector');
  const group = useDictionary('group');
  const committee = useDictionary('committee');
  const lists = { party, sector, group, committee };
  const loading = collectiveAuthorKinds.some((kind) => lists[kind].isLoading);
  const options = collectiveAuthorKinds
    .map((kind) => ({
      label: t(kindNames[kind]),
      title: kindNames[kind],
      options: (lists[kind].data ?? []).map((entry) => ({ value: entry.id, label: t(entry.name) })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <Flex vertical gap={8}>
      <Radio.Group
        disabled={props.disabled}
        value={value.mode}
        onChange={(event) =>
          props.onChange?.(event.target.value === 'name' ? { mode: 'name', name: '' } : emptyCollectiveAuthor())
        }
        options={[
          { value: 'entry', label: t('党派、界别、小组或专委会') },
          { value: 'name', label: t('其他单位（填写名称）') },
        ]}
      />
      {value.mode === 'entry' ? (
        <Select
          id={props.id}
          disabled={props.disabled}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          value={value.entryId ?? undefined}
          onChange={(entryId: string | undefined) => props.onChange?.({ mode: 'entry', entryId: entryId ?? null })}
          placeholder={t('选择党派、界别、小组或专委会')}
          options={options}
          notFoundContent={loading ? t('加载中…') : t('没有匹配的组织')}
        />
      ) : (
        <Input
          id={props.id}
          disabled={props.disabled}
          value={value.name}
          maxLength={100}
          showCount
          onChange={(event) => props.onChange?.({ mode: 'name', name: event.target.value })}
          placeholder={t('如：市总工会、团市委、市妇联')}
        />
      )}
    </Flex>
  );
}
