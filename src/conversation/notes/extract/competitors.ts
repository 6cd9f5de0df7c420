// Competitor names in a note, from the configurable list (settings 'notes.competitors').
export interface Competitor {
  name: string;
  aliases: string[];
}

export interface CompetitorMention {
  name: string;
  text: string;
  start: number;
  end: number;
}

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Each listed competitor the text names (once, by its canonical name), in text order. */
export function findCompetitors(text: string, list: Competitor[]): CompetitorMention[] {
  const out: CompetitorMention[] = [];
  for (const c of list) {
    const forms = [c.name, ...c.aliases].filter(Boolean).sort((a, b) => b.length - a.length);
    for (const form of forms) {
      // Latin names are whole words, case-insensitive; Chinese names are substrings.
      const re = /[a-z]/i.test(form) ? new RegExp(`\\b${escapeRe(form)}\\b`, 'i') : new RegExp(escapeRe(form));
      const m = re.exec(text);
      if (m) {
        out.push({ name: c.name, text: m[0], start: m.index, end: m.index + m[0].length });
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
