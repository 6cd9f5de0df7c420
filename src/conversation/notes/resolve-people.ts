// Matches the people of a note to the contacts of its account: a full name to the contact of that
// name; a reference (高总, "Mr. Gao") to the one contact with that surname whose title fits. Two
// fitting contacts are asked about, never guessed; a full name nobody has becomes a new contact.
import type { Attitude, Contact, ContactLevel, DecisionRole } from '../../domain/types.ts';
import { honorificFits, levelOfTitle, ZH_HONORIFICS } from './extract/titles.ts';
import { latinSpellings, sameLatinName } from './latin-names.ts';
import type { NotePerson } from './schema.ts';

export interface NewPerson {
  name: string;
  title: string | null;
  level: ContactLevel;
  decisionRole: DecisionRole | null;
  attitude: Attitude | null;
}

export type PersonResolution =
  | { kind: 'existing'; key: string; person: NotePerson; contact: Contact }
  | { kind: 'new'; key: string; person: NotePerson; contact: NewPerson }
  | { kind: 'ambiguous'; key: string; person: NotePerson; candidates: Contact[] }
  /** A reference (高总) that no contact of the account fits, and no full name to create one with. */
  | { kind: 'unknown'; key: string; person: NotePerson }
  | { kind: 'skipped'; key: string; person: NotePerson };

/** What the user decided about a person: a contact id, a full name for a new contact, or skip. */
export type PersonChoice = { contactId: string } | { newName: string } | { skip: true };

/** Stable key of a person across re-reads of the same note. */
export function personKey(p: Pick<NotePerson, 'name' | 'surname' | 'honorific'>): string {
  return p.name ?? `${p.surname ?? ''}|${p.honorific ?? ''}`;
}

const HONORIFIC_EXECUTIVE = new Set(['总', '董', 'president', 'chairman']);

/** The contact a reference creates once the user gives the full name (高总 → 高远, level executive). */
function fromReference(p: NotePerson, name: string): NewPerson {
  const h = p.honorific ?? '';
  // 刘处 → 处长, 何总工 → 总工; a bare 总 or 董 names no title, only the level.
  const mapped = ZH_HONORIFICS[h];
  const expanded = p.title ?? (mapped && mapped.length > 1 ? mapped : null);
  return {
    name,
    title: expanded,
    level: HONORIFIC_EXECUTIVE.has(h) ? 'executive' : levelOfTitle(expanded),
    decisionRole: p.decisionRole,
    attitude: p.attitude === 'positive' ? 'supporter' : null,
  };
}

function fresh(p: NotePerson, name: string): NewPerson {
  return { name, title: p.title, level: levelOfTitle(p.title), decisionRole: p.decisionRole, attitude: p.attitude === 'positive' ? 'supporter' : null };
}

function bySurname(p: NotePerson, contacts: Contact[]): Contact[] {
  const s = p.surname!;
  const isLatin = !/[\u4e00-\u9fff]/.test(s);
  return contacts.filter((c) => (isLatin ? latinSpellings(c.name).surname === s.toLowerCase() : c.name.startsWith(s) && c.name.length > s.length));
}

export function resolvePeople(people: NotePerson[], contacts: Contact[], choices: Record<string, PersonChoice> = {}): PersonResolution[] {
  return people.map((person): PersonResolution => {
    const key = personKey(person);
    const choice = choices[key];
    if (choice) {
      if ('skip' in choice) return { kind: 'skipped', key, person };
      if ('newName' in choice) return { kind: 'new', key, person, contact: person.name ? fresh(person, choice.newName) : fromReference(person, choice.newName) };
      const contact = contacts.find((c) => c.id === choice.contactId);
      if (contact) return { kind: 'existing', key, person, contact };
    }
    if (person.name) {
      const latin = !/[\u4e00-\u9fff]/.test(person.name);
      const same = contacts.filter((c) => (latin ? sameLatinName(person.name!, c.name) || c.name.toLowerCase() === person.name!.toLowerCase() : c.name === person.name));
      if (same.length === 1) return { kind: 'existing', key, person, contact: same[0] };
      if (same.length > 1) return { kind: 'ambiguous', key, person, candidates: same };
      return { kind: 'new', key, person, contact: fresh(person, person.name) };
    }
    const same = bySurname(person, contacts);
    const fits = same.filter((c) => (person.surname && /[\u4e00-\u9fff]/.test(person.surname) ? honorificFits(person.honorific ?? '', c.title, c.level) : true));
    // 马总 is said out of courtesy as much as for the title: the account's only 马 is meant
    // even when the title on record does not fit; among several, the title decides.
    const fitting = fits.length ? fits : same.filter((c) => c.active !== false).length === 1 ? same.filter((c) => c.active !== false) : [];
    if (fitting.length === 1) return { kind: 'existing', key, person, contact: fitting[0] };
    if (fitting.length > 1) return { kind: 'ambiguous', key, person, candidates: fitting };
    return { kind: 'unknown', key, person };
  });
}
