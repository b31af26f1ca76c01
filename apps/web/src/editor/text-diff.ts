export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * The edits that turn `before` into `after`, as small as fixes make them: fixes replace figures
 * inside lines, so when the line count is unchanged each changed line gives one edit trimmed to
 * what differs. Small edits keep the cursor, the scroll position and the undo step precise.
 */
export function textChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return [trimmed(before, after, 0)];
  const changes: TextChange[] = [];
  let offset = 0;
  for (let i = 0; i < a.length; i++) {
    const lineA = a[i] ?? '';
    const lineB = b[i] ?? '';
    if (lineA !== lineB) changes.push(trimmed(lineA, lineB, offset));
    offset += lineA.length + 1;
  }
  return changes;
}

function trimmed(a: string, b: string, offset: number): TextChange {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return { from: offset + start, to: offset + a.length - end, insert: b.slice(start, b.length - end) };
}

/** Applies changes given against the same original text (as CodeMirror does), for tests and checks. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((x, y) => y.from - x.from)) out = out.slice(0, c.from) + c.insert + out.slice(c.to);
  return out;
}
