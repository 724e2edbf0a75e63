/** One demo micro-suggestion: its text, the category (领域) and unit it goes to, and the unit's reply. */
export type DemoMicroText = {
  title: string;
  place: string;
  problem: string;
  suggestion: string;
  category: string;
  unit?: string;
  reply?: string;
};

/** The demo micro-suggestions, in the order the seed uses them (see micro-suggestions.seed.ts). */
export const demoMicroTexts = {
  draft: {
    title: '建议在滨江公园增设夜间照明',
    place: '滨江街道滨江公园',
    problem: '滨江公园东侧步道夜间照明不足，晚间散步的老人较多，存在摔倒风险。',
    suggestion: '',
    category: '城乡建设',
  },
  submitted: {
    title: '解放路公交站台顶棚破损漏雨',
    place: '解放街道解放路公交站',
    problem: '解放路公交站台顶棚多处破损，下雨天候车群众只能淋雨，老人孩子尤其不便。',
    suggestion: '请公交公司尽快修复顶棚，并对全市老旧站台开展一次排查。',
    category: '交通运输',
  },
  duplicate: {
    title: '解放路公交站顶棚漏雨',
    place: '解放街道',
    problem: '解放路公交站台的顶棚破损漏雨，候车不便。',
    suggestion: '尽快维修站台顶棚。',
    category: '交通运输',
  },
  accepted: {
    title: '老旧小区楼道堆物存在消防隐患',
    place: '东湖街道和平里社区',
    problem: '和平里社区多栋老旧住宅楼道长期堆放杂物和电动车，堵塞疏散通道，存在火灾隐患。',
    suggestion: '建议社区牵头开展集中清理，设置电动车集中充电点，并建立常态化巡查机制。',
    category: '城乡建设',
  },
  declined: {
    title: '请求为本人所在单位解决职工宿舍问题',
    place: '城关街道',
    problem: '本人所在单位职工宿舍紧张，希望政府协调解决。',
    suggestion: '请有关部门帮助解决。',
    category: '社会保障',
  },
  converted: {
    title: '关于完善全市老旧小区停车管理的建议',
    place: '全市',
    problem: '全市老旧小区普遍缺少停车位，乱停乱放严重，涉及规划、建设、管理多个部门，单个小区难以解决。',
    suggestion: '建议出台全市老旧小区停车综合治理方案，统筹利用周边公共用地和错时共享停车。',
    category: '城乡建设',
  },
  handling: {
    title: '农贸市场价格公示牌长期不更新',
    place: '城关街道中心农贸市场',
    problem: '中心农贸市场的价格公示牌多日不更新，群众无法比较价格，个别摊位存在价格不透明问题。',
    suggestion: '请价格主管部门督促市场按日更新价格公示，并推行电子价格公示屏。',
    category: '经济建设',
    unit: '市发展和改革委员会',
  },
  overdue: {
    title: '幸福路北段路灯损坏一个多月',
    place: '城关街道幸福社区',
    problem: '幸福路北段三盏路灯损坏一个多月，夜间行人和电动车出行不便，已有群众摔倒。',
    suggestion: '请城管部门尽快维修路灯，并建立路灯故障定期巡查和快速报修机制。',
    category: '城乡建设',
    unit: '市城市管理局',
  },
  memberHandling: {
    title: '社区老年食堂用餐高峰排队时间长',
    place: '西城街道康乐社区',
    problem: '康乐社区老年食堂中午用餐高峰排队超过半小时，部分行动不便的老人无法久站。',
    suggestion: '建议增设一个打餐窗口，为行动不便的老人提供送餐上门服务。',
    category: '社会保障',
  },
  replied: {
    title: '实验小学放学后托管时间偏短',
    place: '城关街道实验小学',
    problem: '实验小学课后托管服务到17:00结束，双职工家庭难以按时接孩子。',
    suggestion: '建议延长课后托管至18:00，并丰富托管期间的兴趣活动。',
    category: '教育',
    unit: '市教育局',
    reply:
      '经研究，实验小学自下月起将课后托管时间延长至18:00，增设阅读、体育等兴趣活动，所需经费按规定纳入财政保障。感谢您的建议。',
  },
  rehandling: {
    title: '人民路学校门口上下学时段交通拥堵',
    place: '解放街道人民路第二小学',
    problem: '人民路第二小学门口上下学时段接送车辆乱停，交通严重拥堵，存在安全隐患。',
    suggestion: '建议在上下学高峰增派交警疏导，施划临时停车泊位，设置即停即走区。',
    category: '交通运输',
    unit: '市公安局',
    reply: '已安排交警在上下学时段加强巡逻。',
  },
  memberReported: {
    title: '康乐社区健身器材损坏无人维修',
    place: '西城街道康乐社区',
    problem: '康乐社区广场健身器材多件损坏，存在安全隐患，居民反映多次未得到维修。',
    suggestion: '建议尽快维修或更换损坏器材，明确维护责任单位。',
    category: '文化旅游',
  },
  published: {
    title: '东湖路积水点雨后长时间无法排出',
    place: '东湖街道东湖路',
    problem: '东湖路与建设路交叉口地势低洼，每逢大雨积水深达30厘米，车辆熄火、行人绕行，影响出行安全。',
    suggestion: '建议疏通改造该路段雨水管网，增设雨水口，汛期前完成。',
    category: '城乡建设',
    unit: '市发展和改革委员会',
    reply:
      '收到建议后，我委会同城管、水务部门现场踏勘，已将东湖路雨水管网改造纳入今年城市更新项目，新增雨水口6处、疏通管道420米，工程已于近日完工，经汛期检验积水问题已解决。联系人：王建国，电话 0571-87051234。',
  },
} satisfies Record<string, DemoMicroText>;
