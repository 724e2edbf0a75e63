import { Alert } from 'antd';
import { useEnvironment } from '../app/environment.ts';

/** The 演示环境 banner, shown while the server reports demo accounts. */
export function DemoBanner() {
  const environment = useEnvironment();
  if (!environment.data?.demo) return null;
  return (
    <Alert
      banner
      type="warning"
      role="status"
      className="demo-banner"
      title="演示环境：数据仅供体验，请勿录入真实个人信息。演示账户密码公开，正式使用前请停用演示账户。"
    />
  );
}
