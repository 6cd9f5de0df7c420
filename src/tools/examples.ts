// Example questions (help, small talk, the console's chips) in the user's own words: a tool's
// example is a template whose {account}, {group} and {contact} are filled with names the user may
// see, so a new user on their own data is never offered accounts they do not have.
import type { AppContext } from '../app.ts';
import type { Lang } from '../../prompts/index.ts';
import { exampleNames, type AccountName } from '../store/accounts.ts';

/** Distinct accounts the {account} blanks cycle through. */
const ACCOUNTS = 3;

const LATIN = /^[\p{Script=Latin}\d\s.&'’()-]+$/u;

/** How an account is named in an example: its short alias in Chinese, a Latin name or alias in English. */
function nameIn(a: AccountName, lang: Lang): string {
  if (lang === 'en') return [a.name, ...a.aliases].find((n) => LATIN.test(n)) ?? a.name;
  return [...a.aliases].sort((x, y) => x.length - y.length).find((n) => !LATIN.test(n)) ?? a.name;
}

/**
 * Fills templates for this user, one result per template: null where a blank cannot be filled (a
 * user with no accounts, no group account, no contacts), so the caller leaves that example out.
 */
export async function personalExamples(app: AppContext, userId: string, lang: Lang, templates: string[]): Promise<(string | null)[]> {
  if (!templates.some((x) => x.includes('{'))) return templates;
  const names = await exampleNames(app.db, userId, ACCOUNTS);
  const group = names.group && nameIn(names.group, lang);
  let next = 0;
  return templates.map((template) => {
    const values: Record<string, string | null> = { account: names.accounts.length ? nameIn(names.accounts[next % names.accounts.length], lang) : null, group, contact: names.contact };
    if (template.includes('{account}')) next++;
    let complete = true;
    const text = template.replace(/\{(account|group|contact)\}/g, (_, key: string) => {
      const value = values[key];
      if (!value) complete = false;
      return value ?? '';
    });
    return complete ? text : null;
  });
}
