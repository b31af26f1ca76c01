import type { GroupAlternative, Locale } from '@lkip/engine';

/** What the reports say about groups of findings, in both languages. */
export interface GroupWords {
  /** "12 problems (17 findings: 15 errors, 2 warnings)". */
  problems(groups: number, findings: number, counts: string): string;
  majority(expected: number, stated: number): string;
  derived: string;
  /** As many places state each figure, and the figures computed from them say which is right. */
  tieBroken: string;
  column(failing: number, checked: number): string;
  repeated(places: number): string;
  noCulprit: string;
  tie: string;
  reading: Record<GroupAlternative['reading'], string>;
  /** "write 95 at ✗", "write 105,2 % at →". */
  write(to: string, where: string): string;
  fixable: string;
  heldBack: string;
  and: string;
}

const en: GroupWords = {
  problems: (g, f, counts) => `${g} ${g === 1 ? 'problem' : 'problems'} (${f} ${f === 1 ? 'finding' : 'findings'}: ${counts})`,
  majority: (e, s) => `most places say otherwise (${e} against ${s})`,
  derived: 'a derived figure that does not follow from its inputs',
  tieBroken: 'as many places state each figure; the figures computed from them follow the other one',
  column: (n, checked) => `this column does not follow from its inputs in ${n} of ${checked} rows`,
  repeated: (n) => `the same problem at ${n} places`,
  noCulprit: 'no culprit: the evidence points both ways',
  tie: 'no culprit: as many places state each figure',
  reading: {
    majority: 'if the figure most places state is right',
    derived: 'if the figures computed from this one are right',
    other: 'if the other places are right',
    stated: 'if this place is right',
  },
  write: (to, where) => `write ${to} at ${where}`,
  fixable: 'fixable',
  heldBack: 'fix held for review',
  and: 'and',
};

const id: GroupWords = {
  problems: (g, f, counts) => `${g} masalah (${f} temuan: ${counts})`,
  majority: (e, s) => `sebagian besar tempat menyebut lain (${e} lawan ${s})`,
  derived: 'angka turunan yang tidak sesuai dengan angka asalnya',
  tieBroken: 'tiap angka disebut di sama banyak tempat; angka yang dihitung darinya mengikuti angka yang lain',
  column: (n, checked) => `kolom ini tidak sesuai dengan angka asalnya di ${n} dari ${checked} baris`,
  repeated: (n) => `masalah yang sama di ${n} tempat`,
  noCulprit: 'tanpa penyebab pasti: buktinya menunjuk ke dua arah',
  tie: 'tanpa penyebab pasti: tiap angka disebut di sama banyak tempat',
  reading: {
    majority: 'bila angka yang disebut sebagian besar tempat benar',
    derived: 'bila angka yang dihitung darinya benar',
    other: 'bila tempat lain yang benar',
    stated: 'bila tempat ini yang benar',
  },
  write: (to, where) => `tulis ${to} di ${where}`,
  fixable: 'dapat diperbaiki',
  heldBack: 'perbaikan perlu ditinjau',
  and: 'dan',
};

export function groupWords(locale: Locale): GroupWords {
  return locale === 'en' ? en : id;
}
