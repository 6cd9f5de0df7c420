// Visit notes written against the sample data (../shared/sample-data) the way salespeople type
// them, each with the facts that must be saved. At 2026-11-24 18:00 (+08:00), a Tuesday: 明天
// 11-25, 周五 11-27, 月底 11-30, 下周二 12-01, 下周三 12-02.
export interface NoteCase {
  class: 'colloquial' | 'terse' | 'english' | 'mixed' | 'typos' | 'generated';
  user: string;
  text: string;
  expect: {
    /** Account id, or null: kept unfiled (an account the user may not see, or none named). */
    account: string | null;
    /** Names of the interaction's contacts, any order. */
    contacts?: string[];
    type?: string;
    /** Text the next step must contain; null: no next step. */
    nextStep?: string | null;
    due?: string | null;
    amounts?: number[];
    competitors?: string[];
  };
}

const Z = 'u_zhang';
const L = 'u_li';

export const SAMPLE_NOTES: NoteCase[] = [
  // ---- colloquial Chinese
  { class: 'colloquial', user: Z, text: '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。', expect: { account: 'A400', contacts: ['何军', '高远'], type: 'visit', nextStep: '发送交付计划', due: '2026-12-02', amounts: [6_000_000], competitors: [] } },
  { class: 'colloquial', user: Z, text: '今天和北方路桥新来的采购总监赵磊吃饭,聊了设备更新的事', expect: { account: 'A400', contacts: ['赵磊'], type: 'dinner', nextStep: null } },
  { class: 'colloquial', user: Z, text: '北方路桥总经理高远今天见了,说三一和徐工都在报价', expect: { account: 'A400', contacts: ['高远'], type: 'visit', competitors: ['三一', '徐工'] } },
  { class: 'colloquial', user: Z, text: '今天去北方路桥跟何总聊了一下,在下周三前把优惠方案发过去', expect: { account: 'A400', contacts: ['何军'], nextStep: '把优惠方案发过去', due: '2026-12-02' } },
  { class: 'colloquial', user: Z, text: '上午去中建华东拜访了孙丽部长,她说电动挖掘机的试点项目基本定了,月底前给她报价', expect: { account: 'A100', contacts: ['孙丽'], type: 'visit', nextStep: '报价', due: '2026-11-30' } },
  { class: 'colloquial', user: Z, text: '昨晚请中建华东的刘总吃饭,刘总说明年框架协议可以做到1500万,但是交付周期要缩短', expect: { account: 'A100', contacts: ['刘建国'], type: 'dinner', amounts: [15_000_000] } },
  { class: 'colloquial', user: Z, text: '今天跟中建华东采购中心的周强打了个电话,他说中联重科报价比我们低5%,周五前回复他', expect: { account: 'A100', contacts: ['周强'], type: 'call', competitors: ['中联重科'], due: '2026-11-27' } },
  { class: 'colloquial', user: Z, text: '下午去了华东一公司,黄海经理带我们看了第三项目部的工地,对旋挖钻机挺满意的', expect: { account: 'A101', contacts: ['黄海'], type: 'visit' } },
  { class: 'colloquial', user: Z, text: '今天拜访了兴业建材的唐宁,她说装载机保养套餐预算大概300万,下周二前把方案发给她', expect: { account: 'A600', contacts: ['唐宁'], amounts: [3_000_000], nextStep: '方案发给她', due: '2026-12-01' } },
  { class: 'colloquial', user: Z, text: '和兴业建材的唐宁微信聊了下付款进度,说下个月初能付', expect: { account: 'A600', contacts: ['唐宁'], type: 'im' } },
  { class: 'colloquial', user: L, text: '今天去西山矿业见了马总,谈了挖掘机更新,预算大约800万', expect: { account: 'A200', contacts: ['马振华'], type: 'visit', amounts: [8_000_000] } },
  { class: 'colloquial', user: L, text: '上午在西山矿业跟钱芳处长开了个会,她对智能矿山方案很感兴趣,徐工和中联重科也在接触', expect: { account: 'A200', contacts: ['钱芳'], type: 'meeting', competitors: ['徐工', '中联重科'] } },
  { class: 'colloquial', user: L, text: '西山矿业的吴刚今天打电话来抱怨发动机故障还没修好,我们承诺明天派工程师过去', expect: { account: 'A200', contacts: ['吴刚'], type: 'call', nextStep: '派工程师过去', due: '2026-11-25' } },
  { class: 'colloquial', user: L, text: '今天拜访了江南港务的郑总和冯雪经理,郑总关注服务合同续签,金额约900万', expect: { account: 'A300', contacts: ['郑涛', '冯雪'], amounts: [9_000_000] } },
  { class: 'colloquial', user: L, text: '江南港务冯雪经理今天开会说正面吊维修要48小时内到场,下周三前给她一个服务方案', expect: { account: 'A300', contacts: ['冯雪'], type: 'meeting', due: '2026-12-02' } },
  { class: 'colloquial', user: L, text: '今天跟蓝海新能源的林晓视频通话了,储能电站设备的报价她要周五前拿到', expect: { account: 'A500', contacts: ['林晓'], type: 'call', due: '2026-11-27' } },
  { class: 'colloquial', user: L, text: '前天在展会上碰到了蓝海新能源的林总,她说小松也在找他们', expect: { account: 'A500', contacts: ['林晓'], type: 'event', competitors: ['小松'] } },
  { class: 'colloquial', user: Z, text: '今天拜访了中建华东的孙部长和周强,试点方案他们认可了,下一步:准备试点合同', expect: { account: 'A100', contacts: ['孙丽', '周强'], nextStep: '准备试点合同' } },
  { class: 'colloquial', user: Z, text: '上周五和北方路桥何军总工开了个技术交流会,他们关心桥梁架设设备的安全认证', expect: { account: 'A400', contacts: ['何军'], type: 'meeting' } },
  { class: 'colloquial', user: Z, text: '今天拜访了北方路桥,见了新来的设备部经理李建华,对方案挺满意的', expect: { account: 'A400', contacts: ['李建华'] } },
  { class: 'colloquial', user: L, text: '今天跟西山矿业的马振华总经理吃了顿饭,他说卡特彼勒找过他,价格是关键', expect: { account: 'A200', contacts: ['马振华'], type: 'dinner', competitors: ['卡特彼勒'] } },
  { class: 'colloquial', user: L, text: '给江南港务的冯雪发了邮件,附上了正面吊的维保方案', expect: { account: 'A300', contacts: ['冯雪'], type: 'email' } },
  { class: 'colloquial', user: Z, text: '今天去兴业建材,采购专员唐宁说柳工和临工都来过了,报价450万左右', expect: { account: 'A600', contacts: ['唐宁'], competitors: ['柳工', '临工'], amounts: [4_500_000] } },
  { class: 'colloquial', user: Z, text: '今天拜访宏达机械的王总,聊了装载机租赁', expect: { account: null } },
  { class: 'colloquial', user: Z, text: '今天拜访了西山矿业的马振华总经理,聊了设备更新。', expect: { account: null } },

  // ---- terse
  { class: 'terse', user: Z, text: '见了北方路桥何军,聊二期', expect: { account: 'A400', contacts: ['何军'] } },
  { class: 'terse', user: Z, text: '记一下:兴业建材 唐宁 电话 报价300万', expect: { account: 'A600', contacts: ['唐宁'], type: 'call', amounts: [3_000_000] } },
  { class: 'terse', user: Z, text: '记录:中建华东 孙丽 周强 开会 试点', expect: { account: 'A100', contacts: ['孙丽', '周强'], type: 'meeting' } },
  { class: 'terse', user: L, text: '记一下 西山矿业 马总 吃饭 800万', expect: { account: 'A200', contacts: ['马振华'], type: 'dinner', amounts: [8_000_000] } },
  { class: 'terse', user: L, text: 'log: 江南港务 冯雪 会议 正面吊维修', expect: { account: 'A300', contacts: ['冯雪'], type: 'meeting' } },
  { class: 'terse', user: L, text: '记录一下 蓝海新能源 林晓 微信 储能报价周五前', expect: { account: 'A500', contacts: ['林晓'], type: 'im', due: '2026-11-27' } },
  { class: 'terse', user: Z, text: '记下:华东一公司 黄海 拜访 三一在报价', expect: { account: 'A101', contacts: ['黄海'], competitors: ['三一'] } },
  { class: 'terse', user: Z, text: '今天见了周强,聊价格', expect: { account: 'A100', contacts: ['周强'] } },
  { class: 'terse', user: L, text: '刚跟钱芳通了电话,方案ok', expect: { account: 'A200', contacts: ['钱芳'], type: 'call' } },
  { class: 'terse', user: Z, text: '记录 北方路桥 高远 总经理 决策人 预算600万', expect: { account: 'A400', contacts: ['高远'], amounts: [6_000_000] } },
  { class: 'terse', user: Z, text: '纪要:兴业建材,唐宁,下周三前发合同', expect: { account: 'A600', contacts: ['唐宁'], nextStep: '发合同', due: '2026-12-02' } },
  { class: 'terse', user: L, text: '记一下:郑涛 电话 续签 月底前给报价', expect: { account: 'A300', contacts: ['郑涛'], type: 'call', due: '2026-11-30' } },
  { class: 'terse', user: L, text: '备忘:吴刚 投诉 发动机 明天派人', expect: { account: 'A200', contacts: ['吴刚'], due: '2026-11-25' } },
  { class: 'terse', user: Z, text: '记一下 中建华东 刘建国 晚宴 框架1200万', expect: { account: 'A100', contacts: ['刘建国'], type: 'dinner', amounts: [12_000_000] } },
  { class: 'terse', user: Z, text: '记录:北方路桥 何军 邮件 交付计划', expect: { account: 'A400', contacts: ['何军'], type: 'email' } },

  // ---- English
  { class: 'english', user: Z, text: 'Visited Beifang Luqiao this afternoon, met chief engineer He Jun and the new general manager Gao Yuan. Budget around 6 million yuan. Send the delivery plan by next Wednesday.', expect: { account: 'A400', contacts: ['何军', 'Gao Yuan'], type: 'visit', due: '2026-12-02', amounts: [6_000_000] } },
  { class: 'english', user: L, text: 'Visited Xishan Mining today, met Ma Zhenhua, follow up next Tuesday', expect: { account: 'A200', contacts: ['马振华'], type: 'visit', nextStep: 'follow up', due: '2026-12-01' } },
  { class: 'english', user: L, text: 'Called Lin Xiao at Lanhai this morning about the storage project; budget around $1.2M, they are also talking to XCMG and Komatsu. We will send the quote by Friday.', expect: { account: 'A500', contacts: ['林晓'], type: 'call', due: '2026-11-27', amounts: [1_200_000], competitors: ['徐工', '小松'] } },
  { class: 'english', user: Z, text: 'Had dinner with Liu Jianguo of Zhongjian Huadong yesterday, he is happy with this year. Next step: revised price list by end of month.', expect: { account: 'A100', contacts: ['刘建国'], type: 'dinner', due: '2026-11-30' } },
  { class: 'english', user: Z, text: 'Quick call with Tang Ning from Xingye, send the revised quote by Friday', expect: { account: 'A600', contacts: ['唐宁'], type: 'call', nextStep: 'send the revised quote', due: '2026-11-27' } },
  { class: 'english', user: L, text: 'Met Feng Xue at Jiangnan Port today, the forklift issue is fixed, she is satisfied', expect: { account: 'A300', contacts: ['冯雪'], type: 'visit' } },
  { class: 'english', user: L, text: 'log: emailed Zheng Tao at Jiangnan Port the service contract draft, call him tomorrow', expect: { account: 'A300', contacts: ['郑涛'], type: 'email', due: '2026-11-25' } },
  { class: 'english', user: Z, text: 'Visited Xingye Building Materials, met Tang Ning, Liugong is quoting too', expect: { account: 'A600', contacts: ['唐宁'], competitors: ['柳工'] } },
  { class: 'english', user: L, text: 'Meeting with Qian Fang at Xishan Mining this morning, she wants a demo, will circle back next week', expect: { account: 'A200', contacts: ['钱芳'], type: 'meeting', due: '2026-12-04' } },
  { class: 'english', user: Z, text: 'Visited Huadong No.1 today, met Huang Hai at the site, he liked the rotary drill', expect: { account: 'A101', contacts: ['黄海'] } },
  { class: 'english', user: L, text: 'Called Wu Gang at Xishan Mining, he complained about the engine fault; we will send an engineer tomorrow', expect: { account: 'A200', contacts: ['吴刚'], type: 'call', due: '2026-11-25' } },
  { class: 'english', user: Z, text: 'Met Zhou Qiang at Zhongjian Huadong, Zoomlion is cheaper, follow up on Friday', expect: { account: 'A100', contacts: ['周强'], competitors: ['中联重科'], due: '2026-11-27' } },
  { class: 'english', user: Z, text: 'Visited Acme Health Systems today and met their CEO', expect: { account: null } },

  // ---- mixed
  { class: 'mixed', user: L, text: '今天call了蓝海新能源的Lin Xiao,储能项目budget大概300万,周五前send quote', expect: { account: 'A500', contacts: ['林晓'], type: 'call', amounts: [3_000_000], due: '2026-11-27' } },
  { class: 'mixed', user: Z, text: '和北方路桥的何军开了个meeting,讨论二期,Sany也在报价', expect: { account: 'A400', contacts: ['何军'], type: 'meeting', competitors: ['三一'] } },
  { class: 'mixed', user: Z, text: '今天拜访兴业建材的唐宁,她说XCMG报价低,月底前follow up', expect: { account: 'A600', contacts: ['唐宁'], competitors: ['徐工'], due: '2026-11-30' } },
  { class: 'mixed', user: L, text: '跟江南港务的冯雪微信沟通了,service contract金额约900万', expect: { account: 'A300', contacts: ['冯雪'], type: 'im', amounts: [9_000_000] } },
  { class: 'mixed', user: L, text: '今天去西山矿业见了马总,Komatsu和Caterpillar都在跟,下周三前给proposal', expect: { account: 'A200', contacts: ['马振华'], competitors: ['小松', '卡特彼勒'], due: '2026-12-02' } },
  { class: 'mixed', user: Z, text: '中建华东 孙丽 demo很成功,下周二前发POC方案', expect: { account: 'A100', contacts: ['孙丽'], due: '2026-12-01' } },
  { class: 'mixed', user: Z, text: 'log: 今天拜访了北方路桥的高远总经理,budget 600万', expect: { account: 'A400', contacts: ['高远'], amounts: [6_000_000] } },
  { class: 'mixed', user: L, text: '今天和蓝海新能源CEO林晓吃饭,她说明年capex大概2000万', expect: { account: 'A500', contacts: ['林晓'], type: 'dinner', amounts: [20_000_000] } },
  { class: 'mixed', user: Z, text: '和华东一公司黄海经理打了电话,Liebherr也在接触他们', expect: { account: 'A101', contacts: ['黄海'], type: 'call', competitors: ['利勃海尔'] } },
  { class: 'mixed', user: L, text: 'visited 江南港务, 见了郑涛副总裁, 续签合同 around 900万', expect: { account: 'A300', contacts: ['郑涛'], amounts: [9_000_000] } },

  // ---- what a contact said or complained about, with no channel word; deadlines "within", by a quarter
  { class: 'colloquial', user: Z, text: '中建华东孙丽部长投诉上个月交付的挖掘机液压系统漏油很不满意要求两周内派人处理', expect: { account: 'A100', contacts: ['孙丽'], nextStep: '派人处理', due: '2026-12-08' } },
  { class: 'colloquial', user: Z, text: '中建华东周强经理说我们的价格太高了,三一报价低了15%,要我们两周内重新报价', expect: { account: 'A100', contacts: ['周强'], competitors: ['三一'], nextStep: '重新报价', due: '2026-12-08' } },
  { class: 'colloquial', user: Z, text: '兴业建材唐宁反映上周到的配件有质量问题', expect: { account: 'A600', contacts: ['唐宁'], nextStep: null } },
  { class: 'colloquial', user: L, text: '西山矿业的吴刚抱怨了一通发动机的问题,三天之内给他答复', expect: { account: 'A200', contacts: ['吴刚'], nextStep: '给他答复', due: '2026-11-27' } },
  { class: 'colloquial', user: Z, text: '北方路桥何总工说预算被砍了一半,下季度前给他们一个分期方案', expect: { account: 'A400', contacts: ['何军'], nextStep: '分期方案', due: '2026-12-31' } },
  { class: 'terse', user: L, text: '西山矿业马总来访 带他参观了工厂 他对新款矿卡很满意 Q1前要出方案', expect: { account: 'A200', contacts: ['马振华'], nextStep: '出方案', due: '2026-12-31' } },
  { class: 'terse', user: Z, text: '今天见了兴业建材唐宁 一季度内签框架协议', expect: { account: 'A600', contacts: ['唐宁'], nextStep: '签框架协议', due: '2027-03-31' } },
  { class: 'english', user: L, text: 'Call with Feng Xue at Jiangnan Port, budget is 1,200万元, need the service proposal end of month', expect: { account: 'A300', contacts: ['冯雪'], type: 'call', amounts: [12_000_000], nextStep: 'service proposal', due: '2026-11-30' } },
  { class: 'english', user: L, text: 'Meeting with Ma Zhenhua at Xishan Mining, they need the revised quote within a week', expect: { account: 'A200', contacts: ['马振华'], type: 'meeting', nextStep: 'revised quote', due: '2026-12-01' } },

  { class: 'terse', user: Z, text: '跟中建华东刘总通电话，确认框架协议续签，金额3.5亿，年底前签字', expect: { account: 'A100', contacts: ['刘建国'], type: 'call', amounts: [350_000_000], nextStep: '签字', due: '2026-12-31' } },
  { class: 'terse', user: L, text: '和蓝海新能源林晓视频会 储能项目延期 等他们董事会决定', expect: { account: 'A500', contacts: ['林晓'], type: 'meeting', nextStep: null } },

  { class: 'terse', user: Z, text: '今天拜访华东一公司 见了新任设备部部长王志刚 下周三前约他们总经理吃饭', expect: { account: 'A101', contacts: ['王志刚'], type: 'visit', nextStep: '约他们总经理吃饭', due: '2026-12-02' } },
  { class: 'terse', user: L, text: '刚和西山矿业钱芳处长开完会 技术评审通过了 下一步是商务谈判', expect: { account: 'A200', contacts: ['钱芳'], type: 'meeting', nextStep: '商务谈判' } },
  { class: 'terse', user: L, text: '江南港务冯雪经理来电话投诉正面吊故障 很生气 要求48小时内派人', expect: { account: 'A300', contacts: ['冯雪'], type: 'call', nextStep: '派人', due: '2026-11-26' } },
  { class: 'english', user: L, text: 'Dinner with Feng Xue at Jiangnan Port tonight, they complained about delays, we promised to send a fix plan by next Wednesday', expect: { account: 'A300', contacts: ['冯雪'], type: 'dinner', nextStep: 'send a fix plan', due: '2026-12-02' } },

  // ---- typos and sloppy typing
  { class: 'typos', user: Z, text: '今天拜仿了北方路桥的何军总工,下周在把优惠方案发过去', expect: { account: 'A400', contacts: ['何军'] } },
  { class: 'typos', user: Z, text: '今天见了中建华东的孙丽部长，她说试点项目没问题，周五前在把合同发给她', expect: { account: 'A100', contacts: ['孙丽'], nextStep: '合同发给她', due: '2026-11-27' } },
  { class: 'typos', user: Z, text: '今天和兴业建材唐宁吃饭 她说预算300万 柳工也在报价', expect: { account: 'A600', contacts: ['唐宁'], type: 'dinner', amounts: [3_000_000], competitors: ['柳工'] } },
  { class: 'typos', user: L, text: '今天去西山矿叶见了马总，谈了挖掘机更新', expect: { account: 'A200', contacts: ['马振华'] } },
  { class: 'typos', user: L, text: '今天和蓝海新能源的林晓通了个电话。。储能报价周五前给', expect: { account: 'A500', contacts: ['林晓'], type: 'call', due: '2026-11-27' } },
  { class: 'typos', user: Z, text: '中建华东周强今天来电话了，说三一报价低了百分之五', expect: { account: 'A100', contacts: ['周强'], type: 'call', competitors: ['三一'] } },
  { class: 'typos', user: L, text: 'visted xishan mining today, met Ma Zhenhua, follow up next tuesday', expect: { account: 'A200', contacts: ['马振华'], nextStep: 'follow up', due: '2026-12-01' } },
  { class: 'typos', user: Z, text: '今天拜访了北方路桥总经理高远，他对二期很感兴趣，预算大约六百万', expect: { account: 'A400', contacts: ['高远'], amounts: [6_000_000] } },
  { class: 'typos', user: L, text: '今天在江南港物见了冯雪经理 正面吊维修的事 下周三前回复', expect: { account: 'A300', contacts: ['冯雪'], due: '2026-12-02' } },
  { class: 'typos', user: Z, text: '今天 跟 兴业建材 的 唐宁 打了电话 说 下个月 签合同', expect: { account: 'A600', contacts: ['唐宁'], type: 'call' } },
];
