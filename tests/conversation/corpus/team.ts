// Managers' and team questions on the sample data (plus tests/fixtures/corpus-extra): per-person and
// per-role scopes, ranking, counting, comparison and filters over everything the asker may see.
import { c, type CorpusCase } from './types.ts';

export const teamCorpus: CorpusCase[] = [
  c('team', 'u_chen', '李娜负责哪些客户', ['西山矿业集团', '江南港务集团', '蓝海新能源'], ['中建华东工程集团', '北方路桥']),
  c('team', 'u_chen', '张伟名下有几个客户', ['6']),
  c('team', 'u_chen', '团队里哪个客户风险最大', ['中建华东第二工程公司', '健康分']),
  c('team', 'u_chen', '健康分最低的3个客户', ['1.', '2.', '3.']),
  c('team', 'u_chen', '中建华东和西山矿业哪个健康分高', ['中建华东', '西山矿业']),
  c('team', 'u_chen', '团队一共有多少个客户', ['10']),
  c('team', 'u_chen', 'how many accounts does my team have?', ['10']),
  c('team', 'u_chen', 'S级客户里哪些有未解决工单', ['中建华东工程集团', '西山矿业集团'], ['江南港务集团']),
  c('team', 'u_chen', '华东区的客户有哪些', ['中建华东工程集团', '江南港务集团'], ['西山矿业集团']),
  c('team', 'u_chen', '张伟的客户里哪些有未解决投诉', ['中建华东工程集团', 'T001'], ['江南港务集团', 'T004']),
  c('team', 'u_zhao', '我负责交付的客户有哪些投诉没关', ['T001', 'T004'], ['T003']),
  c('team', 'u_chen', '本月有哪些下一步要到期', ['发送储能设备报价', '准备三年期服务合同方案']),
  c('team', 'u_li', '本月有哪些下一步要到期', ['发送储能设备报价', '准备三年期服务合同方案'], ['提交年度框架协议草案']),
  c('team', 'u_chen', '未来90天有哪些合同到期?', ['CT-A100-2024', 'CT-A300-01']),
  c('team', 'u_chen', '哪个客户今年买得最多', ['中建华东工程集团']),
  c('team', 'u_chen', 'top 3 accounts by orders this year', ['中建华东工程集团', '江南港务集团', '西山矿业集团']),
  c('team', 'u_chen', '李娜的客户里哪些预算执行落后', ['西山矿业集团'], ['中建华东']),
  c('team', 'u_chen', '赵敏负责交付的客户', ['中建华东工程集团', '西山矿业集团', '江南港务集团'], ['北方路桥']),
  c('team', 'u_chen', '我团队有几个S级客户', ['2']),
  c('team', 'u_chen', 'Which of Li Na\'s accounts have open tickets?', ['西山矿业集团', '江南港务集团'], ['中建华东']),
  c('team', 'u_chen', '王磊是哪些客户的方案经理', ['中建华东工程集团', '西山矿业集团']),
  c('team', 'u_zhang', '我的客户里哪个健康分最高', ['1.']),
  c('team', 'u_chen', '江南港务和蓝海新能源哪个今年下单多', ['江南港务']),
  c('team', 'u_chen', '华东区有几个客户', ['5']),
  c('team', 'u_zhang', '我负责的客户有哪些', ['中建华东工程集团', '北方路桥'], ['西山矿业集团']),

  c('team', 'u_chen', '上季度哪个客户下单最多', ['江南港务集团']),

  // ---- who has been in touch with an account the most ----
  c('touch', 'u_chen', '谁和西山矿业联系最多', ['联系最多的是李娜(4 次)', '王磊:1 次']),
  c('touch', 'u_li', 'who has been in touch with Xishan Mining the most', ['李娜 has been in touch', '4 interaction']),
  c('touch', 'u_chen', '这个月谁和中建华东联系最多', ['2026-11-01 至 2026-11-24', '张伟(2 次)'], ['赵敏']),
  c('touch', 'u_li', '哪位同事跑江南港务最勤', ['李娜', '赵敏:1 次']),
  c('touch', 'u_chen', 'Who visits Jiangnan Port most often?', ['李娜', 'latest 2026-11-22']),
  c('touch', 'u_chen', '今年谁和北方路桥联系最多', ['张伟(2 次)']),
  c('touch', 'u_chen', ['中建华东的合同', '谁跟他们联系得最多'], ['张伟(5 次)']),
  c('touch', 'u_zhang', '谁和西山矿业联系最多', [], ['李娜', '西山矿业集团']),
  // ---- who logged the most, across the team (no account named); counts over many records cite none, as team_activity's ----
  c('rank', 'u_chen', '上个月谁拜访最多', ['互动最多的是李娜', '• 张伟:'], [], { cites: false }),
  c('rank', 'u_chen', '团队里谁这个月拜访客户最多', ['互动最多的是张伟'], [], { cites: false }),
  c('rank', 'u_chen', '上个月拜访次数排名', ['互动最多的是李娜', '赵敏:1 次'], [], { cites: false }),
  c('rank', 'u_chen', '本月互动排行榜', ['互动最多的是张伟'], [], { cites: false }),
  c('rank', 'u_chen', 'Who visited the most customers last month?', ['李娜 logged the most'], [], { cites: false }),
  c('rank', 'u_zhang', '上个月谁拜访最多', [], ['李娜']),

  // ---- averages and totals over a group of accounts ----
  c('stats', 'u_chen', 'S级客户的健康分平均多少', ['平均健康分', '共 2 个客户', '中建华东工程集团', '西山矿业集团'], ['没有找到名为']),
  c('stats', 'u_zhang', '我的客户平均健康分是多少', ['平均健康分', '共 6 个客户'], ['没有找到名为']),
  c('stats', 'u_zhang', 'what is the average health score of my A-tier accounts', ['average health score', 'over 2 account(s)', 'Acme Health Systems', '北方路桥'], ['江南港务']),
  c('stats', 'u_chen', '李娜的客户平均预算是多少', ['1,150万', '合计 2,300万', '蓝海新能源']),
  c('stats', 'u_chen', 'S级客户平均预算执行率', ['62.5%', '65.7%']),
  c('stats', 'u_zhang', '我的客户今年订单合计多少', ['2,490万', '共 6 个客户']),
  c('stats', 'u_chen', '团队生效合同总金额', ['5,000万', '西山矿业集团']),
  c('stats', 'u_chen', 'total open pipeline of my team', ['Total open pipeline', '¥23,500,000']),
  c('stats', 'u_chen', 'C级客户的平均预算', ['都没有预算数据'], [], { cites: false }),
  c('stats', 'u_zhang', 'S级客户的健康分平均多少', ['共 1 个客户', '中建华东工程集团'], ['西山矿业集团']),

  // ---- rankings by budget execution and by time since the last interaction ----
  c('rank', 'u_chen', '我团队里预算执行最差的是哪个客户', ['1. 西山矿业集团', '预算执行 40%'], ['健康分', '北方路桥']),
  c('rank', 'u_zhang', 'which of my accounts has the lowest budget execution', ['1. Acme Health Systems', 'budget execution 60%', '3. 北方路桥建设有限公司'], ['health score']),
  c('rank', 'u_chen', '预算执行率最高的是哪个客户', ['1. 北方路桥建设有限公司', '98%'], ['西山矿业']),
  c('rank', 'u_chen', '李娜的客户里谁的预算完成得最好', ['1. 江南港务集团', '85%'], ['中建华东']),
  c('rank', 'u_li', '哪个客户最久没拜访了', ['1. 蓝海新能源科技有限公司', '2026-11-03', '21 天'], ['没有找到']),
  c('rank', 'u_li', '我的客户里哪个好久没联系了', ['蓝海新能源科技有限公司'], ['没有找到']),
  c('rank', 'u_li', 'which of my accounts have we not contacted for the longest time?', ['1. 蓝海新能源科技有限公司', '21 days ago']),
  c('rank', 'u_chen', '最久没有高层互动的3个客户', ['按距最近一次高层互动的天数从长到短', '1.', '3.'], ['没有找到']),
];
