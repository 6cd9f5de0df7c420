// Colleagues named in a message ("李娜负责哪些客户", "Which of Li Na's accounts…"): the person a
// manager's question is scoped to. Their accounts are still read only through the asker's visibility.
import type { Db } from '../../db/index.ts';
import { allUserNames, usersNamedIn } from '../store/users.ts';
import { latinWords, normalize } from './normalize.ts';
import { syllables } from './pinyin.ts';

export interface UserRef {
  id: string;
  name: string;
  /** As written: 李娜, li na. */
  text: string;
}

/** Latin names are compared with every user's pinyin only in a small directory. */
const LATIN_LIMIT = 2000;

export async function findUserMentions(db: Db, text: string): Promise<UserRef[]> {
  const norm = normalize(text);
  const refs: UserRef[] = (await usersNamedIn(db, norm)).map((u) => ({ id: u.id, name: u.name, text: u.name.toLowerCase() }));
  const words = latinWords(norm).map((w) => w.word);
  if (words.length >= 2) {
    const users = await allUserNames(db, LATIN_LIMIT + 1);
    if (users.length <= LATIN_LIMIT) {
      const joined = ` ${words.join(' ')} `;
      for (const u of users) {
        const py = syllables(u.name);
        if (py.length < 2) continue;
        const [surname, ...given] = py;
        const form = [`${surname} ${given.join('')}`, `${given.join('')} ${surname}`].find((f) => joined.includes(` ${f} `));
        if (form && !refs.some((r) => r.id === u.id)) refs.push({ id: u.id, name: u.name, text: form });
      }
    }
  }
  return refs;
}
