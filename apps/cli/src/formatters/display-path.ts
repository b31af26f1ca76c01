import { isAbsolute, relative } from 'node:path';

/** Relative to the working directory when inside it: shorter, and still clickable in terminals. */
export function displayPath(filePath: string, context: { cwd: string }): string {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(context.cwd, filePath);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? filePath : rel;
}
