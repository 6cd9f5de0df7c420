// The words the demo world's records are made of: Chinese B2B wording of a construction-machinery
// supplier, and English for the overseas accounts. Data, not interface text.

export const SURNAMES = '王李张刘杨黄吴徐马朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔汤'.split('');
export const GIVEN = ['建国', '振华', '海涛', '晓峰', '丽娟', '志刚', '明辉', '秀英', '国强', '文博', '雪梅', '宏伟', '春燕', '德胜', '立新', '玉兰', '永强', '俊杰', '红霞', '晓东', '静怡', '家豪', '宇航', '思远', '卫东', '亚楠', '兴旺', '子轩', '梦瑶', '凯'];

/** title, department, decision role, level — the first ones are the decision makers. */
export const TITLES_ZH: [string, string, string, string][] = [
  ['总经理', '公司领导', 'decision_maker', 'executive'],
  ['分管设备副总经理', '公司领导', 'decision_maker', 'executive'],
  ['总工程师', '技术中心', 'influencer', 'executive'],
  ['设备物资部部长', '设备物资部', 'influencer', 'manager'],
  ['采购中心主任', '采购中心', 'evaluator', 'manager'],
  ['项目经理', '工程部', 'user', 'manager'],
  ['采购专员', '采购中心', 'gatekeeper', 'staff'],
  ['设备管理员', '设备物资部', 'user', 'staff'],
];

export const FIRST_EN = ['James', 'Maria', 'Lars', 'Siti', 'Daniel', 'Ana', 'Erik', 'Priya', 'Tom', 'Lucia', 'Henrik', 'Wei Ming'];
export const LAST_EN = ['Tan', 'Johansson', 'Santos', 'Wijaya', 'Fernandez', 'Lindqvist', 'Walker', 'Rahman', 'Morales', 'Chen'];
export const TITLES_EN: [string, string, string, string][] = [
  ['CEO', 'Management', 'decision_maker', 'executive'],
  ['COO', 'Management', 'decision_maker', 'executive'],
  ['Chief Engineer', 'Engineering', 'influencer', 'executive'],
  ['Procurement Director', 'Procurement', 'evaluator', 'manager'],
  ['Fleet Manager', 'Operations', 'user', 'manager'],
  ['Procurement Officer', 'Procurement', 'gatekeeper', 'staff'],
];

export const PRODUCTS_ZH = ['电动挖掘机', '旋挖钻机', '塔式起重机', '装载机', '矿用自卸车', '正面吊', '桥梁架设设备', '混凝土泵车', '履带起重机', '盾构机配套设备'];
export const PRODUCTS_EN = ['electric excavators', 'reach stackers', 'mining dump trucks', 'crawler cranes', 'spare-parts packages'];
export const TOPICS_ZH = ['交付周期', '售后网点覆盖', '能耗指标', '付款条件', '远程监控', '备件供应', '操作培训', '设备更新计划', '框架协议续签', '智能施工方案', '安全合规', '以旧换新'];
export const TOPICS_EN = ['delivery lead times', 'service coverage', 'fuel consumption', 'payment terms', 'remote monitoring', 'spare parts', 'operator training', 'fleet renewal'];
export const COMPETITORS = ['三一', '徐工', '中联重科', '柳工', '卡特彼勒', '小松'];

/** Outcomes of a conversation; {topic}, {product} and {competitor} are filled in. */
export const OUTCOMES_ZH = [
  '对方认可方案，要求尽快提交正式报价',
  '对方提出交付周期需缩短到45天以内',
  '对方提到{competitor}报价低约8%，希望我们在服务上给出差异化方案',
  '确认明年一季度启动{product}更新',
  '对方对售后响应速度表示满意',
  '对方要求补充{topic}的对比数据',
  '对方关注{topic}，希望安排现场考察',
  '对方表示年内还有一批{product}采购需求',
];
export const OUTCOMES_EN = [
  'they liked the proposal and asked for a formal quote',
  'they want delivery within 45 days',
  'they mentioned a lower offer from {competitor} and asked what our service adds',
  'they confirmed a {product} renewal next quarter',
  'they were pleased with our service response times',
];

export const NEXT_STEPS_ZH = ['提交{product}正式报价', '发送{topic}对比报告', '安排技术交流会', '准备试点方案', '约见总经理汇报方案', '安排工厂参观'];
export const NEXT_STEPS_EN = ['send the {product} quote', 'share the {topic} comparison', 'arrange a site demo', 'book a meeting with the CEO'];

export const TICKETS_ZH = {
  complaint: ['交付延期一周，影响项目开工', '{product}频繁报警停机，影响现场作业', '备件发货错误', '服务工程师到场不及时'],
  repair: ['两台{product}液压系统故障', '{product}发动机故障', '电控系统报错需远程诊断'],
  inquiry: ['咨询{product}保养套餐价格', '询问以旧换新政策'],
};
export const TICKETS_EN = {
  complaint: ['{product} stopped twice on site, operations delayed', 'late spare-parts delivery'],
  repair: ['hydraulic leak on two {product}'],
  inquiry: ['question about the maintenance plan'],
};
