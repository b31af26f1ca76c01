import type { DocumentDigest } from './digest.js';

/** "Teluk Biru" for a column head; the file's folder when the draft names no province. */
export function shortLabel(province: string | null, file: string): string {
  if (province) return province;
  const parts = file.split(/[\\/]/).filter((p) => p !== '');
  const name = parts[parts.length - 1] ?? file;
  return /^draft\.\w+$/i.test(name) && parts.length > 1 ? (parts[parts.length - 2] as string) : name;
}

/**
 * One label per document, never two alike: the province, with the fiscal year when the same
 * province comes with drafts of several years, and a number when two drafts would still read the
 * same (two drafts of one province and year are flagged as duplicates besides).
 */
export function documentLabels(documents: readonly Pick<DocumentDigest, 'province' | 'file' | 'fiscalYear'>[]): string[] {
  const names = documents.map((d) => shortLabel(d.province, d.file));
  const years = new Map<string, Set<number | null>>();
  names.forEach((name, i) => years.set(name, (years.get(name) ?? new Set()).add(documents[i]?.fiscalYear ?? null)));
  const base = names.map((name, i) => {
    const year = documents[i]?.fiscalYear ?? null;
    return (years.get(name)?.size ?? 0) > 1 && year !== null ? `${name} ${year}` : name;
  });
  const counts = new Map<string, number>();
  for (const b of base) counts.set(b, (counts.get(b) ?? 0) + 1);
  const seen = new Map<string, number>();
  return base.map((b) => {
    if ((counts.get(b) ?? 0) < 2) return b;
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return `${b} (${n})`;
  });
}
