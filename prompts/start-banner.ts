// What `kam start` prints for a person at a terminal (JSON logs go to pipes and files instead), zh and en.
import type { Texts } from './index.ts';

export const bannerTexts = {
  running: { zh: 'KAM 大客户经营助手已启动 → {url}', en: 'KAM Assistant is running → {url}' },
  pickUser: { zh: '  打开网址,选择以谁的身份使用:推荐 {name}({id},{role}{reports})', en: '  Open it and choose whom to act as: try {name} ({id}, {role}{reports})' },
  reports: { zh: ',下属 {count} 人', en: ', {count} direct reports' },
  noUsers: { zh: '  数据库里还没有用户:用 kam import 导入 users.csv,或 kam demo 载入演示数据', en: '  No users yet: kam import a users.csv, or kam demo loads the demo world' },
  token: { zh: '  登录令牌:KAM_API_TOKEN 的值', en: '  Sign in with the value of KAM_API_TOKEN' },
  loopback: { zh: '  未设置 KAM_API_TOKEN:只服务本机访问', en: '  KAM_API_TOKEN is unset: only this machine is served' },
  platforms: { zh: '  已连接平台:{list}', en: '  Platforms connected: {list}' },
  noPlatforms: { zh: '  未连接消息平台:推送进入控制台的收件箱(设置 FEISHU_* / WECOM_* / SLACK_* / DINGTALK_* 即可连接)', en: '  No messaging platform connected: pushes go to the console inbox (set FEISHU_* / WECOM_* / SLACK_* / DINGTALK_* to connect one)' },
  llm: { zh: '  回答引擎:LLM {model}', en: '  Answers: LLM {model}' },
  offline: { zh: '  回答引擎:离线引擎(未配置 LLM;设置 OPENAI_API_KEY 和 KAM_LLM_MODEL 可接入)', en: '  Answers: the offline engine (no LLM; set OPENAI_API_KEY and KAM_LLM_MODEL to use one)' },
  data: { zh: '  数据:{where}', en: '  Data: {where}' },
  stop: { zh: '  Ctrl-C 停止', en: '  Ctrl-C stops' },
} satisfies Texts;
