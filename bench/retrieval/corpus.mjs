// Generated account history for the retrieval benchmark: Chinese visit notes, ticket summaries and
// contract/opportunity descriptions built from a construction-machinery vocabulary with a seeded
// PRNG, so every run sees the same corpus.

export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国振海雪晓峰宁远涛亮斌鹏辉'.split('');
const TITLES = ['总经理', '副总经理', '总工程师', '设备部经理', '采购主管', '机电处处长', '物资部部长', '项目经理', '采购专员', '副总裁', '董事长', '安全总监'];
const PRODUCTS = ['电动挖掘机', '矿用挖掘机', '矿用自卸车', '旋挖钻机', '塔式起重机', '正面吊', '集装箱起重机', '装载机', '压路机', '摊铺机', '履带起重机', '混凝土泵车', '桥梁架设设备', '盾构机'];
const OPENERS = ['拜访', '电话沟通', '技术交流会上与', '微信沟通', '晚宴时与', '视频会议与', '陪同参观工厂时与', '邮件回复'];
const TOPICS = [
  '对方关注{p}的能耗和售后网点覆盖',
  '对方要求{p}交付周期缩短到{n}天',
  '对方质疑我方备件价格偏高，希望给出年度折扣',
  '竞争对手{c}给出更低报价，客户希望我们在服务上差异化',
  '客户计划明年更新{n}台{p}，预算约{m}万',
  '{p}液压系统故障已修复，客户对响应速度满意',
  '{p}发动机故障导致停机，客户要求尽快派工程师',
  '{p}频繁报警停机，影响现场作业',
  '讨论年度框架协议续签，初步确认金额{m}万，付款周期{n}天',
  '客户希望增加远程监控和智能调度功能',
  '客户对{p}的自动化程度很感兴趣，要求提供案例',
  '确认联合实验室二期在明年一季度启动',
  '客户反映交付延期一周，要求说明原因',
  '介绍新一代{p}，对方认可技术参数，但采购需总经理拍板',
  '对方态度冷淡，坚持价格优先',
  '客户询问{p}保养套餐价格和质保期限',
  '客户提出付款条件调整，希望延长到{n}天',
  '客户安全部门要求补充{p}的安全认证材料',
];
const COMPETITORS = ['三一', '徐工', '中联', '柳工', '卡特彼勒', '小松'];
const NEXT = ['提交设备更新方案', '发送报价单', '安排工程师到场', '提供售后网点清单', '准备试点方案', '约见总经理汇报方案', '提交框架协议草案', '发送交付计划'];

export function makeText(rand, kind) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const fillT = (t) =>
    t.replace('{p}', pick(PRODUCTS)).replace('{n}', String(10 + Math.floor(rand() * 80))).replace('{m}', String(100 + Math.floor(rand() * 2000))).replace('{c}', pick(COMPETITORS));
  const person = pick(SURNAMES) + pick(GIVEN) + pick(GIVEN).slice(0, rand() < 0.5 ? 0 : 1);
  if (kind === 'ticket') return `${pick(['维修', '投诉', '咨询'])}：${fillT(pick(TOPICS.slice(5, 8).concat(TOPICS.slice(12, 13))))}`;
  if (kind === 'contract') return `${pick(['采购合同', '框架协议', '服务合同', '战略合作协议'])}，金额${100 + Math.floor(rand() * 5000)}万元，有效期${1 + Math.floor(rand() * 3)}年，覆盖${pick(PRODUCTS)}及备件服务。`;
  const parts = [`${pick(OPENERS)}${pick(TITLES)}${person}，${fillT(pick(TOPICS))}。`];
  if (rand() < 0.6) parts.push(`${fillT(pick(TOPICS))}。`);
  if (rand() < 0.4) parts.push(`下一步：${pick(NEXT)}。`);
  return parts.join('');
}

/** n chunk texts with their account (accounts numbered 0..accounts-1) and kind. */
export function* corpus(n, { accounts, seed = 42 }) {
  const rand = prng(seed);
  for (let i = 0; i < n; i++) {
    const r = rand();
    const kind = r < 0.85 ? 'interaction' : r < 0.95 ? 'ticket' : 'contract';
    yield { i, account: Math.floor(rand() * accounts), kind, text: makeText(rand, kind) };
  }
}

export const QUERIES = ['发动机故障停机', '交付周期太长', '竞争对手报价更低', '备件价格偏高', '框架协议续签金额', '远程监控功能', '液压系统故障修复', '付款周期延长', '安全认证材料', '联合实验室二期', '自动化程度案例', '保养套餐价格'];
