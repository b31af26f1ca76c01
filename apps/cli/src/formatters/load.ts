import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

/**
 * The formatter `--format` names, loaded alone: a report in one format never compiles the others
 * (codeframe brings @babel/code-frame; stylish, the overview of where to start). `formatters` in
 * index.ts has all of them at once, for library callers.
 */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).stylish;
    case 'json':
      return (await import('./json.js')).json;
    case 'compact':
      return (await import('./compact.js')).compact;
    case 'codeframe':
      return (await import('./codeframe.js')).codeframe;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
  }
}
