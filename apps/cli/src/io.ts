/**
 * Everything the command touches outside itself. `bin.ts` passes the real process; tests pass
 * a recorder, so the whole CLI runs in-process without spawning.
 */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  /** The piped-in draft, already decoded (see `decodeDraft`). */
  stdin?: () => Promise<string>;
  /** stdout is a terminal: colours on unless NO_COLOR or --no-color. */
  isTTY?: boolean;
  /** stderr is a terminal: progress lines are shown only then. */
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
}
