import type { Text } from '@codemirror/state';
import type { LineIndex } from '../findings/model.ts';

/** The engine's 1-based line/column in the editor's document (which is the linted text). */
export function docLineIndex(doc: Text): LineIndex {
  return {
    offset(line, column) {
      const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
      return Math.min(l.from + Math.max(column, 1) - 1, l.to);
    },
  };
}
