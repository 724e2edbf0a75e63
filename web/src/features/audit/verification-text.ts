import { type ChainVerification, chainBreakReasonNames } from '../../../../contracts/audit.ts';

/** The chain verification result in words. */
export function verificationText(result: ChainVerification): { title: string; detail: string } {
  if (result.valid) {
    return { title: '校验通过：审计日志完整，未发现篡改', detail: `共校验 ${result.checked} 条记录` };
  }
  const reason = result.reason ? chainBreakReasonNames[result.reason] : '哈希链不完整';
  return {
    title: `校验未通过：自第 ${result.firstBrokenSequence ?? '?'} 条记录起哈希链断裂`,
    detail: `${reason}；共校验 ${result.checked} 条记录`,
  };
}
