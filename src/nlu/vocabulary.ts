// Words that carry the question rather than a name. The offline engine strips them (with every
// tool's keywords) to find what is left: a possibly unknown account name ("没有找到 X").
const ZH_FILLER = [
  '请问', '帮我', '帮忙', '麻烦', '查一下', '查查', '查询', '查看', '看一下', '看看', '告诉我', '说一下', '讲一下', '列一下', '列出', '给我', '一下',
  '我们的', '我们', '我的', '你们', '他们的', '他们', '她们', '它们', '他家', '这家', '那家', '这个', '那个', '这边', '那边', '对方', '该客户', '客户的',
  '有没有', '是不是', '没有', '哪些', '哪个', '哪家', '哪天', '哪一天', '什么时候', '什么', '多少', '怎么样', '怎么', '怎样', '如何', '为什么', '是谁', '谁',
  '现在', '目前', '当前', '最近', '最新', '一次', '上次', '上一次', '还有', '以及', '其中', '里面', '一共', '总共', '所有', '全部', '情况', '信息',
  '客户', '公司', '集团', '那么', '所以', '请', '呢', '吗', '吧', '啊', '呀', '么', '了', '的', '是', '有', '和', '与', '跟', '同', '及', '还', '都', '也',
  '未来', '接下来', '之后', '以后', '过去', '以来', '以内', '之内', '以上', '以下', '超过', '多于', '少于', '不到', '快要', '快', '即将', '马上', '已经', '还', '内', '前', '后',
  '今天', '昨天', '明天', '前天', '后天', '月底', '月初', '年底', '年初', '季度', '本月', '本周', '上周', '下周', '上个月', '下个月', '今年', '去年', '明年',
  '在', '对', '把', '给', '让', '就', '又', '要', '能', '会', '可以', '里', '中', '那', '个', '些', '几', '我', '你', '他', '她', '它', '该', '下', '过', '着',
];

/** Latin filler words (question words, pronouns); the account matcher has its own, larger list. */
const EN_FILLER = [
  'please', 'can', 'could', 'you', 'tell', 'me', 'show', 'give', 'list', 'what', 'whats', 'when', 'where', 'who', 'which', 'how', 'is', 'are', 'was', 'were',
  'do', 'does', 'did', 'the', 'a', 'an', 'of', 'at', 'for', 'with', 'on', 'in', 'to', 'from', 'and', 'or', 'we', 'i', 'my', 'our', 'us', 'they', 'them',
  'their', 'it', 'its', 'this', 'that', 'these', 'those', 'about', 'any', 'all', 'some', 'there', 'have', 'has', 'had', 'be', 'been', 'so', 'far', 'now',
  'currently', 'current', 'latest', 'recent', 'recently', 'last', 'time', 'much', 'many', 'account', 'accounts', 'customer', 'customers', 'client', 'clients',
  'company', 'group', 'still', 'next', 'past', 'coming', 'upcoming', 'within', 'soon', 'ago', 'today', 'yesterday', 'tomorrow', 'days', 'day', 'weeks',
  'week', 'months', 'month', 'years', 'year', 'over', 'more', 'less', 'since', 'until', 'before', 'after', 'up', 'by', 'end', 'will', 'would', 'should',
  'number', 'info', 'details', 'mr', 'mrs', 'ms', 'miss', 'dr', 'across', 'every', 'each', 'level', 'not', 'no', 'yet', 'been', 'get', 'got', 'need', 'want', 'know', 'like', 'see', 'yet', 'ever', 'then', 'than', 'what\'s', 'who\'s', 'when\'s', 'and', 'also', 'ok', 'thanks', 'hi', 'hello',
];

export const BASE_VOCABULARY = { zh: ZH_FILLER, en: EN_FILLER };
