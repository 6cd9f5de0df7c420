// Wording of the conversation engine itself (help, refusals, clarifying questions), zh and en.
// Each tool's wording lives next to it in prompts/conversation/<area>.ts.
import type { Texts } from './index.ts';

export const engineTexts = {
  unknownUser: {
    zh: '你好!你还没有在大客户经营助手中登记(你的{platform}账号 ID 是 {id})。请把这个 ID 发给管理员,登记后就可以使用了。',
    en: "Hi! You are not registered with KAM Assistant yet (your {platform} id is {id}). Please send this id to your administrator to get registered.",
  },
  unknownUserShort: { zh: '未知用户 {id}', en: 'unknown user {id}' },
  tooLong: {
    zh: '这条消息有 {length} 个字符,超过了 {limit} 字的上限,我没有处理它。请分成几条较短的消息再发。',
    en: 'This message has {length} characters, more than the limit of {limit}, so I did not process it. Please send it as a few shorter messages.',
  },
  notUnderstood: { zh: '抱歉,我没太明白。你可以这样问我:', en: "Sorry, I didn't quite get that. You can ask me things like:" },
  helpTitle: { zh: '我是大客户经营助手,可以回答这些问题:', en: "I'm KAM Assistant. Here is what you can ask me:" },
  helpFooter: {
    zh: '直接发拜访纪要(例如"今天拜访了{account}的王总……")也会被记录下来。',
    en: 'You can also just send a visit note ("Visited {account} today, met their CFO ...") and I will log it.',
  },
  whichAccount: { zh: '你想问的是哪个客户?', en: 'Which account do you mean?' },
  whichAccountHint: { zh: '请带上客户名称再问一次,例如"{example}"。', en: 'Please ask again with the account name, e.g. "{example}".' },
  ambiguous: { zh: '"{span}"对应了多个客户,你指的是哪一个?', en: '"{span}" matches several accounts. Which one do you mean?' },
  notFound: { zh: '没有找到名为"{span}"的客户。', en: 'I could not find an account called "{span}".' },
  notFoundSuggest: { zh: '你是不是想问:{names}?', en: 'Did you mean: {names}?' },
  notFoundNone: { zh: '你可以查看的客户里没有相近的名称,发"我的客户"可以看到全部列表。', en: 'None of the accounts you can see has a similar name; send "my accounts" to see them all.' },
  choiceExpired: { zh: '这个选择已经过期了,请重新提问。', en: 'That choice has expired; please ask again.' },
  internalError: { zh: '抱歉,处理这条消息时出了问题,已记录下来。请稍后再试。', en: 'Sorry, something went wrong while handling that message; it has been logged. Please try again later.' },
} satisfies Texts;
