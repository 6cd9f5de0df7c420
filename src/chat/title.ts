// Every renderer shows a reply's title as a heading of its own, so the body must not repeat it.
// The line that repeats the title is dropped wherever it stands: a reply may open with its answer
// ("关键决策人:马振华。") and put the heading below it ("西山矿业集团的决策链:"), and dropping only a
// repeated first line printed such headings twice.
export function withoutTitleLine(text: string, title: string | undefined): string {
  if (!title) return text;
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() === title.trim());
  if (i < 0) return text;
  lines.splice(i, 1);
  return i === 0 ? lines.join('\n').replace(/^\n+/, '') : lines.join('\n');
}
