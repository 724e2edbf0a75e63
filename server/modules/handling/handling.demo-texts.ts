/**
 * Texts of the demo proposals that show handling (all for the 发改委, the unit with demo handler and leader
 * accounts), and the replies the unit gives. Written for the demo.
 */
export type DemoHandlingText = {
  title: string;
  background: string;
  suggestions: string;
  keywords: string[];
  reply: string;
};

export const demoHandlingTexts: DemoHandlingText[] = [
  {
    title: '关于加快县域商业体系建设的建议',
    background: '我市部分乡镇商贸网点布局分散，冷链物流和快递进村覆盖不足，农产品上行和工业品下行成本偏高。',
    suggestions: '一是编制县域商业网点规划；二是支持乡镇商贸中心改造；三是推动快递物流共同配送。',
    keywords: ['县域商业', '物流'],
    reply:
      '您提出的关于加快县域商业体系建设的建议收悉。我委高度重视，会同市商务局等部门认真研究。目前已将县域商业网点规划纳入明年重点工作，安排专项资金支持 12 个乡镇商贸中心改造，并在三个县开展快递物流共同配送试点。',
  },
  {
    title: '关于推进重大项目审批提速的建议',
    background: '重大项目前期审批环节多、材料重复提交，项目从立项到开工平均用时较长，影响投资落地。',
    suggestions: '一是推行并联审批；二是建立重大项目“绿色通道”；三是实行审批材料一次提交、多方共享。',
    keywords: ['重大项目', '审批'],
    reply:
      '您提出的建议很有针对性。我委已会同相关部门梳理重大项目审批事项，明年将在投资项目在线审批监管平台上线并联审批功能，并制定重大项目“绿色通道”实施办法，相关工作正在推进中。',
  },
  {
    title: '关于加强粮食应急保障能力建设的建议',
    background: '我市粮食应急加工、储运和供应网点分布不均，部分城区应急供应点覆盖不足。',
    suggestions: '一是优化应急供应网点布局；二是建设区域粮食应急保障中心；三是定期开展应急演练。',
    keywords: ['粮食安全', '应急保障'],
    reply:
      '感谢您对粮食安全工作的关心。我委已完成全市粮食应急供应网点布局优化，新增应急供应点 36 个，区域粮食应急保障中心已开工建设，并于今年组织了全市粮食应急演练。',
  },
  {
    title: '关于促进新能源汽车充电设施建设的建议',
    background: '我市新能源汽车保有量快速增长，公共充电桩数量不足、分布不均，老旧小区充电难问题突出。',
    suggestions: '一是编制充电设施专项规划；二是推动小区充电设施共建共享；三是完善充电设施运营补贴政策。',
    keywords: ['新能源汽车', '充电设施'],
    reply: '我委正会同住建、供电等单位研究编制充电设施专项规划，拟于明年上半年印发，小区共建共享试点方案正在征求意见。',
  },
  {
    title: '关于完善价格监测预警机制的建议',
    background: '重要民生商品价格波动对群众生活影响较大，现有监测点覆盖面和预警及时性有待提高。',
    suggestions: '一是扩大价格监测点覆盖面；二是建立价格异常波动预警机制；三是完善价格调控预案。',
    keywords: ['价格监测', '民生'],
    reply:
      '您的建议我们已认真研究。我委已新增价格监测点 20 个，建立了重要民生商品价格异常波动三级预警机制，并修订了价格调控预案。',
  },
];
