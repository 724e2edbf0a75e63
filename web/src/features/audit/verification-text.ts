import { type ChainVerification, chainBreakReasonNames } from '../../../../contracts/audit.ts';

/** The chain verification result in words. */
export function verificationText(result: ChainVerification): { title: string; detail: string } {
  const reason = result.reason ? chainBreakReasonNames[result.reason] : '哈希链不完整';
  if (result.status === 'unverifiable') {
    return {
      title: '无法校验：本服务器没有签名这些记录的审计密钥',
      detail: `${reason}；请恢复原审计密钥（AUDIT_KEY 或数据目录中的 audit-key 文件）后再校验`,
    };
  }
  if (result.valid) {
    const compared = result.checkpointsCompared > 0 ? `，已与 ${result.checkpointsCompared} 个签名检查点比对` : '';
    return { title: '校验通过：审计日志完整，未发现篡改', detail: `共校验 ${result.checked} 条记录${compared}` };
  }
  const where = result.firstBrokenSequence === null ? '检查点文件异常' : `自第 ${result.firstBrokenSequence} 条记录起哈希链断裂`;
  return { title: `校验未通过：${where}`, detail: `${reason}；共校验 ${result.checked} 条记录` };
}
