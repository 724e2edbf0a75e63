import type { AppDependencies } from '../../platform/module.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { importHistory } from './actions/import-history.ts';

/** Past proposal titles of the demo committee by category, as a committee would import them (invented, not real). */
const demoHistory: Record<string, string[]> = {
  经济建设: [
    '关于优化营商环境降低企业制度性交易成本的建议',
    '关于支持民营经济和中小微企业发展的建议',
    '关于加快数字经济产业园建设的建议',
    '关于做好招商引资项目落地服务的建议',
    '关于扩大消费促进商贸流通的建议',
  ],
  城乡建设: [
    '关于老旧小区改造和加装电梯的建议',
    '关于加强物业管理解决小区停车难的建议',
    '关于推进城市排水防涝设施建设的建议',
    '关于规范房地产市场解决办证难的建议',
    '关于完善背街小巷路灯和道路的建议',
  ],
  生态环境: [
    '关于加强河道水污染治理的建议',
    '关于推进垃圾分类和资源化利用的建议',
    '关于治理餐饮油烟和夜间施工噪音扰民的建议',
    '关于加强大气污染联防联控的建议',
    '关于保护城郊湿地和生态绿地的建议',
  ],
  教育: [
    '关于增加中小学学位缓解入学难的建议',
    '关于加强乡村教师队伍建设的建议',
    '关于规范校外培训减轻学生负担的建议',
    '关于推进职业教育产教融合的建议',
    '关于改善学校食堂和校园安全的建议',
  ],
  科技: [
    '关于加大企业研发投入奖补力度的建议',
    '关于建设科技成果转化平台的建议',
    '关于引进和留住高层次科技人才的建议',
    '关于推进5G网络和数据中心建设的建议',
    '关于发展人工智能产业的建议',
  ],
  文化旅游: [
    '关于保护历史文化街区和非物质文化遗产的建议',
    '关于发展全域旅游打造特色景区的建议',
    '关于建设社区图书馆和文化活动中心的建议',
    '关于推动乡村旅游和民宿规范发展的建议',
    '关于办好群众文化体育活动的建议',
  ],
  卫生健康: [
    '关于推进分级诊疗提升基层医疗服务能力的建议',
    '关于缓解大医院看病难挂号难的建议',
    '关于加强疾病预防控制体系建设的建议',
    '关于发展医养结合和社区卫生服务的建议',
    '关于加强儿科和精神卫生服务的建议',
  ],
  社会保障: [
    '关于完善城乡居民养老保险制度的建议',
    '关于提高医保报销比例方便异地结算的建议',
    '关于做好高校毕业生和农民工就业的建议',
    '关于发展社区居家养老服务的建议',
    '关于保障农民工工资按时足额支付的建议',
  ],
  交通运输: [
    '关于优化公交线路增加地铁末班车的建议',
    '关于缓解城区交通拥堵的建议',
    '关于加快农村公路建设和养护的建议',
    '关于增设公共停车场和充电桩的建议',
    '关于规范网约车和出租车运营的建议',
  ],
  农业农村: [
    '关于推进高标准农田建设保障粮食安全的建议',
    '关于发展特色农产品和农村电商的建议',
    '关于改善农村人居环境和厕所改造的建议',
    '关于培育新型农业经营主体的建议',
    '关于加强农田水利设施建设的建议',
  ],
  政治法治: [
    '关于加强基层社会治理和网格化管理的建议',
    '关于推进法治政府建设和行政执法规范化的建议',
    '关于加强矛盾纠纷多元化解的建议',
    '关于深化政务公开和一网通办的建议',
    '关于加强未成年人法治教育的建议',
  ],
};

/**
 * Imports the demo committee's past proposals (a few per category) through the real history import, so that the
 * routing models have something to learn from besides the handful of filed demo proposals.
 */
export async function seedDemoHistory(deps: AppDependencies, orgId: string): Promise<void> {
  const office = (await demoActors(deps, orgId)).get('office');
  if (!office) throw new Error('demo account office missing');
  const lines = ['标题,类别,日期'];
  let day = 0;
  for (const [category, titles] of Object.entries(demoHistory)) {
    for (const title of titles) {
      day += 1;
      lines.push(
        `${title},${category},2024-${String(1 + (day % 12)).padStart(2, '0')}-${String(1 + (day % 27)).padStart(2, '0')}`,
      );
    }
  }
  await importHistory(deps, office, Buffer.from(lines.join('\n'), 'utf8'), null);
}
