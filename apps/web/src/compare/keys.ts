// The drafts picked for a comparison, as the page hands them to the worker: no import, so that
// the page's main bundle does not pull in the comparison or the reader.

/** A draft picked for the comparison. */
export interface CompareDraft {
  /**
   * What names the draft in the comparison, unique among the drafts picked together: its path
   * in a picked folder, else its file name, numbered when several share it ("draft.md",
   * "draft.md (2)"). Seven provinces' `draft.md` must stay seven columns.
   */
  key: string;
  /** The file name, for the editor when the draft is opened from a cell. */
  name: string;
  text: string;
}

/** Unique keys for files picked together, in the order given. */
export function draftKeys(files: readonly { name: string; path?: string }[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const base = f.path !== undefined && f.path !== '' ? f.path : f.name;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
