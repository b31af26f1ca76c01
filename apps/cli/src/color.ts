import type { Io } from './io.js';

/** --color/--no-color win; then NO_COLOR (no-color.org) and FORCE_COLOR; then whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, io: Pick<Io, 'env' | 'isTTY'>): boolean {
  if (flag !== undefined) return flag;
  const env = io.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return Boolean(io.isTTY);
}
