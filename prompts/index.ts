// Every user-facing text lives under prompts/, in Chinese and English.
export type Lang = 'zh' | 'en';

/** English words that make a sentence English even around a Chinese name ("When did we last meet 刘建国?"). */
const EN_FUNCTION_WORDS = /\b(the|is|are|was|of|at|in|on|for|to|with|did|do|does|what|when|who|whom|which|how|why|where|we|our|my|me|i|last|show|list|any|has|have|about)\b/gi;

/**
 * Chinese that is more than a name: particles and question words ("的", "吗", "什么"), and the
 * everyday words of account questions ("合同", "订单"). A run of Han characters with none of them
 * reads as a name (中建华东, 西山矿业集团, 刘建国).
 */
const ZH_GRAMMAR = /[的了吗呢吧啊呀嘛么谁哪几没聊谈查帮请嗎麼誰幾沒]|什么|有没有|是否|提到|提过|说过|怎么|多少|合同|订单|下单|预算|工单|投诉|商机|机会|联系|决策|健康|拜访|见面|报价|价格|电话|邮箱|情况|进展|最近|上次|下次|今天|昨天|明天|今年|去年|明年|本周|上周|下周|本月|上个?月|下个?月|这个?月|季度|到期|下属|子公司|负责|团队|高层|互动|问题|汇总|竞品|对手|关系|计划|路线|简报|告警|提醒|跟进|客户|记录|訂單|預算|聯繫|聯系|決策|報價|電話|情況|問題|團隊|記錄|關係|負責|投訴|簡報/;

/** A Latin word that reads as English: letters only, not an acronym or a code (ZJHD, CRM, SY215). */
function isEnglishWord(word: string): boolean {
  return /^[a-zA-Z]{2,}$/.test(word) && word !== word.toUpperCase();
}

/**
 * English words around Chinese names only ("visited 北方路桥 today", "contracts 中建华东?",
 * "health 西山矿业"): every Latin word is English and no run of Han characters is more than a name.
 */
function englishAroundNames(text: string): boolean {
  const latin = text.match(/[a-zA-Z0-9]+/g) ?? [];
  if (!latin.length || !latin.every(isEnglishWord)) return false;
  return (text.match(/[\u4e00-\u9fff]+/g) ?? []).every((run) => !ZH_GRAMMAR.test(run));
}

/**
 * A message is answered in its own language: Han characters mean Chinese, unless the sentence is
 * English around a Chinese name — two English function words and more Latin letters than Han
 * characters, or English words around Han runs that are only names; Latin letters alone mean English.
 */
export function detectLang(text: string, fallback: Lang): Lang {
  const han = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (han) {
    const latin = text.match(/[a-zA-Z]/g)?.length ?? 0;
    const english = new Set(text.match(EN_FUNCTION_WORDS)?.map((w) => w.toLowerCase())).size;
    return (english >= 2 && latin > han) || englishAroundNames(text) ? 'en' : 'zh';
  }
  if (/[a-zA-Z]{2,}/.test(text)) return 'en';
  return fallback;
}

export type Texts = Record<string, { zh: string; en: string }>;

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

export function t<T extends Texts>(texts: T, key: keyof T, lang: Lang, vars?: Record<string, string | number>): string {
  return fill(texts[key][lang], vars);
}
