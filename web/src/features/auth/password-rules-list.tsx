import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { RuleCheck } from './password-rules.ts';

/** Shows the password rules, ticked or crossed as the user types. */
export function PasswordRulesList({ checks }: { checks: RuleCheck[] }) {
  return (
    <Flex vertical gap={4} role="list" aria-label="密码规则" className="password-rules">
      {checks.map((check) => (
        <Typography.Text
          key={check.label}
          role="listitem"
          type={check.met === false ? 'danger' : check.met ? 'success' : 'secondary'}
        >
          {check.met === null ? <InfoCircleOutlined /> : check.met ? <CheckCircleFilled /> : <CloseCircleFilled />} {check.label}
        </Typography.Text>
      ))}
    </Flex>
  );
}
