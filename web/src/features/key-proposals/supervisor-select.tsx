/**
 * The supervising leaders of a key proposal: the active 督办领导 and 党政领导 accounts when the user may list
 * accounts, otherwise those already named on key proposals, with an account number typed in for a new one.
 */
import { Select, Typography } from 'antd';
import type { KeyProposal } from '../../../../contracts/key-proposals.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { supervisorOptions } from './key-proposal-rules.ts';
import { useSupervisorAccounts } from './key-proposals-api.ts';

/** The multiple select; the value is the accounts' ids. */
export function SupervisorSelect(props: {
  value?: string[];
  onChange?: (value: string[]) => void;
  known: readonly Pick<KeyProposal, 'supervisors'>[];
  id?: string;
}) {
  const t = useT();
  const accounts = useSupervisorAccounts();
  const limited = accounts.data?.forbidden ?? false;
  const options = supervisorOptions(accounts.data?.items ?? [], props.known).map((person) => ({
    value: person.userId,
    label: t(person.name),
  }));
  return (
    <>
      <Select
        id={props.id}
        mode={limited ? 'tags' : 'multiple'}
        allowClear
        loading={accounts.isFetching}
        value={props.value ?? []}
        onChange={(value: string[]) => props.onChange?.(value.map((item) => item.trim()).filter(Boolean))}
        options={options}
        placeholder={t(limited ? '选择已有的督办领导，或输入账户编号后回车' : '选择督办领导或党政领导')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        notFoundContent={t('没有可选的督办领导')}
      />
      {limited ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
          {t('查看账户列表需系统管理员权限：可从已指定过的督办领导中选择，新的督办领导请向系统管理员索取账户编号。')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
