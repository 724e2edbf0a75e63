import { Flex, Spin } from 'antd';

/** A centred spinner while the app finds out who is logged in. */
export function FullPageSpin({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }} vertical gap={12}>
      <Spin size="large" />
      <span className="muted">{tip}</span>
    </Flex>
  );
}
