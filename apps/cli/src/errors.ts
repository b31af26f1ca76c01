/**
 * A usage or fatal error: `run` prints `lkip: <message>` on one line and exits 2, as ESLint does
 * for a bad flag or an unreadable file. Messages never carry a stack or a newline.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** One line, whatever was thrown: users see `lkip: …`, never a stack trace. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  return line.length > 0 ? line : 'unexpected error';
}

/** Node's `ENOENT: no such file or directory, open '/x'` reduced to what a user needs. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return oneLine(error);
  }
}
