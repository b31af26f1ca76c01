/**
 * Text from a draft is shown in a terminal by the human formats (stylish, compact, codeframe,
 * `extract --format summary`, the compare table). A draft may hold terminal escapes (`ESC ]0;…BEL`
 * retitles the window, `ESC [2J` clears the screen, OSC 52 writes the clipboard) and other control
 * characters; printed raw, the terminal would act on them. Here they become visible escapes
 * (`\x1b`, `\x07`, `\x9b`, `\u202e`) that the terminal prints as text. JSON and SARIF keep the
 * text exact: the programs reading them escape it themselves.
 *
 * Kept: tab and line feed (layout the formats rely on). Made visible: the other C0 controls, DEL,
 * the C1 controls (0x80–0x9f; 0x9b is a one-byte CSI for some terminals) and the bidirectional
 * overrides and isolates, which reorder what a reader sees ("Trojan Source").
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** Whether `text` holds anything `visible` would change. */
export function hasControls(text: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(text);
  CONTROL.lastIndex = 0;
  return found;
}

/**
 * `value` with every string in it made visible, as a copy when anything changed (objects and
 * arrays that hold no control character are returned as they are). For the results a human
 * format prints: the messages, their evidence and related places, the source and the file path.
 */
export function visibleDeep<T>(value: T): T {
  return deep(value) as T;
}

function deep(value: unknown): unknown {
  if (typeof value === 'string') return hasControls(value) ? visible(value) : value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = deep(v);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? out : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(value)) {
    const w = deep(v);
    if (w !== v) (out ??= { ...(value as Record<string, unknown>) })[key] = w;
  }
  return out ?? value;
}
