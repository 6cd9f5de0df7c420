// The offline extractor: a note's text → NoteDraft, deterministic and without I/O. The account is
// resolved elsewhere (it needs the user's visibility); names already on that account are passed in.
import { formatDateTime, toIsoDate, zonedTimeToInstant } from '../../../domain/time.ts';
import { NoteDraft, type NotePerson, type NoteSignal } from '../schema.ts';
import { findAmounts } from './amounts.ts';
import { sentences, without } from './clauses.ts';
import { findCompetitors, type Competitor } from './competitors.ts';
import { findDates, type DateRef } from './dates.ts';
import { detectInteractionType } from './interaction-type.ts';
import { findNextStep } from './next-step.ts';
import { findPeople, type KnownName, type PersonMention } from './people.ts';
import { segment, Words, type LexiconWord } from './segment.ts';
import { findSignals } from './signals.ts';
import { honorificFits } from './titles.ts';

export interface ExtractOptions extends DateRef {
  competitors: Competitor[];
  /** People already on the account, so a bare full name (和何军聊了) is recognised. */
  known?: KnownName[];
  /** The account's name and aliases (and how the note wrote it): never read as a person. */
  organisations?: string[];
  /** Users the note names (和李娜一起拜访): colleagues, never a new contact. */
  colleagues?: string[];
}

/** The note cut into words, with its own vocabulary (people, the account, competitors) kept whole. */
export function noteWords(text: string, opts: Pick<ExtractOptions, 'competitors' | 'known' | 'organisations'>): Words {
  const lexicon: LexiconWord[] = [
    ...(opts.known ?? []).map((k) => ({ word: k.name, kind: 'person' as const })),
    ...(opts.organisations ?? []).map((word) => ({ word, kind: 'organisation' as const })),
    ...opts.competitors.flatMap((c) => [c.name, ...c.aliases].map((word) => ({ word, kind: 'competitor' as const }))),
  ];
  return new Words(segment(text, lexicon));
}

/** Default time of a visit on an earlier day when the note gives none. */
const DEFAULT_HOUR = 10;

/** When the note says the interaction happened (outside its next-step clauses); now when it does not say. */
export function occurredAt(text: string, nextStepSpans: { start: number; end: number }[], ref: DateRef): { at: Date; given: boolean } {
  const today = toIsoDate(ref.now, ref.tz);
  const inNextStep = (s: number) => nextStepSpans.some((c) => s >= c.start && s < c.end);
  const d = findDates(text, ref, 'past').find((m) => !inNextStep(m.start) && m.date <= today);
  if (!d) return { at: ref.now, given: false };
  const [y, mo, day] = d.date.split('-').map(Number);
  let at: Date;
  if (d.hour !== undefined) at = zonedTimeToInstant(y, mo, day, d.hour, d.minute ?? 0, 0, ref.tz);
  else if (d.date === today) at = ref.now;
  else at = zonedTimeToInstant(y, mo, day, DEFAULT_HOUR, 0, 0, ref.tz);
  // 今天下午 written at 11:00 happened by now, not in the afternoon ahead.
  if (at > ref.now) at = ref.now;
  return { at, given: true };
}

function sameSurname(name: string, surname: string, latin: boolean): boolean {
  if (!latin) return name.startsWith(surname);
  const words = name.toLowerCase().split(/\s+/);
  return words[0] === surname || words[words.length - 1] === surname;
}

/** One person per individual: a reference (高总) joins the one full name in the note it can mean. */
function mergePeople(mentions: PersonMention[]): { people: NotePerson[]; indexOf: Map<PersonMention, number> } {
  const people: NotePerson[] = [];
  const indexOf = new Map<PersonMention, number>();
  const add = (m: PersonMention): number => {
    people.push({
      name: m.name ?? null,
      surname: m.name ? null : (m.surname ?? null),
      honorific: m.name ? null : (m.honorific ?? null),
      title: m.title ?? null,
      decisionRole: m.decisionRole ?? null,
      newInRole: !!m.newInRole,
      attitude: null,
      mention: m.name ? m.text : m.text.trim(),
    });
    return people.length - 1;
  };
  const mergeInto = (i: number, m: PersonMention) => {
    const p = people[i];
    p.title ??= m.title ?? null;
    p.decisionRole ??= m.decisionRole ?? null;
    p.newInRole ||= !!m.newInRole;
    indexOf.set(m, i);
  };
  for (const m of mentions.filter((x) => x.name)) {
    const i = people.findIndex((p) => p.name === m.name);
    if (i >= 0) mergeInto(i, m);
    else indexOf.set(m, add(m));
  }
  for (const m of mentions.filter((x) => !x.name)) {
    const named = people
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.name && sameSurname(p.name, m.surname!, !!m.latin) && (m.latin || honorificFits(m.honorific ?? '', p.title, null)));
    if (named.length === 1) {
      mergeInto(named[0].i, m);
      continue;
    }
    const same = people.findIndex((p) => !p.name && p.surname === m.surname && p.honorific === m.honorific);
    if (same >= 0) mergeInto(same, m);
    else indexOf.set(m, add(m));
  }
  return { people, indexOf };
}

/** Signals are about the person last named before them in the same sentence, if any. */
function attributeSignals(text: string, mentions: PersonMention[], people: NotePerson[], indexOf: Map<PersonMention, number>): NoteSignal[] {
  const sents = sentences(text);
  return findSignals(text).map((s) => {
    const sent = sents.find((x) => s.start >= x.start && s.start < x.end);
    const before = mentions.filter((m) => m.end <= s.start && (!sent || m.start >= sent.start)).sort((a, b) => b.end - a.end)[0];
    const gap = before ? text.slice(before.end, s.start) : '';
    // "对方/客户/他们" between the person and the signal makes it about the customer.
    const aboutCustomer = /对方|客户|他们|they|the customer/i.test(gap) && !/对.{0,12}$/.test(gap);
    const idx = before && !aboutCustomer ? indexOf.get(before) : undefined;
    const person = idx !== undefined ? people[idx] : undefined;
    if (person) {
      const rank = { negative: 3, positive: 2, concern: 1 } as const;
      if (!person.attitude || rank[s.kind] > rank[person.attitude]) person.attitude = s.kind;
    }
    return { kind: s.kind, text: s.text, person: person ? (person.name ?? person.mention) : null };
  });
}

export function extractNote(text: string, opts: ExtractOptions): NoteDraft {
  const ref = { now: opts.now, tz: opts.tz };
  const next = findNextStep(text, ref);
  const spans = next?.spans ?? [];
  const rest = spans.length ? without(text, spans) : text;
  const when = occurredAt(text, spans, ref);
  const mentions = findPeople(text, opts.known ?? [], noteWords(text, opts), opts.colleagues);
  const { people, indexOf } = mergePeople(mentions);
  const signals = attributeSignals(text, mentions, people, indexOf);
  const summary = (rest || text).trim();
  const draft: NoteDraft = {
    type: detectInteractionType(rest || text).type,
    occurredAt: formatDateTime(when.at, opts.tz),
    dateGiven: when.given,
    people,
    summary: summary.length > 1000 ? summary.slice(0, 1000) : summary,
    nextStep: next?.action ?? null,
    nextStepDue: next?.due ?? null,
    amounts: findAmounts(text).map(({ value, currency, kind, text: t, approximate }) => ({ value, currency, kind, text: t, approximate })),
    competitors: findCompetitors(text, opts.competitors).map((c) => c.name),
    signals,
  };
  return NoteDraft.parse(draft);
}
