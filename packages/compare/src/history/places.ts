import { indicatorKey } from '@lkip/parse';
import type { Indicator, ReportingUnit, Section } from '@lkip/schema';
import type { ComparableDocument } from '../types.js';
import { officeKey } from './figures.js';

export interface OfficeMention {
  key: string;
  name: string;
}

function fold(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * The offices a piece of text names, from the spellings the reader collected for each office
 * (and its bare place name: "Kabupaten Batu Merah" names the office whose place is "Batu Merah"). A longer
 * spelling wins over a shorter one it contains.
 */
export class OfficeFinder {
  private readonly spellings: { text: string; unit: ReportingUnit }[];

  constructor(units: readonly ReportingUnit[]) {
    this.spellings = units
      .flatMap((unit) => [unit.name, unit.placeName, ...unit.spellings].map((s) => ({ text: fold(s), unit })))
      .filter((s) => s.text.trim().length >= 3)
      .sort((a, b) => b.text.length - a.text.length);
  }

  mentions(text: string): OfficeMention[] {
    let rest = fold(text);
    const found = new Map<string, OfficeMention>();
    for (const { text: spelling, unit } of this.spellings) {
      if (!rest.includes(spelling)) continue;
      // Blank the match out so that "Kota Lembah Hijau" inside "BCN Kota Lembah Hijau" is not met again.
      rest = rest.split(spelling).join(' \u0000 ');
      found.set(officeKey(unit), { key: officeKey(unit), name: unit.name });
    }
    return [...found.values()];
  }
}


/** The indicator and the office a section is about, from the section or its parents. */
export class SectionSubjects {
  private readonly byId: Map<string, Section>;

  constructor(
    sections: readonly Section[],
    private readonly units: readonly ReportingUnit[],
  ) {
    this.byId = new Map(sections.map((s) => [s.id, s]));
  }

  indicatorOf(sectionId: string | undefined): string | undefined {
    return this.walk(sectionId, (s) => s.indicatorId);
  }

  officeOf(sectionId: string | undefined): OfficeMention | undefined {
    const unitId = this.walk(sectionId, (s) => s.unitId);
    const unit = this.units.find((u) => u.id === unitId);
    return unit ? { key: officeKey(unit), name: unit.name } : undefined;
  }

  private walk<T>(sectionId: string | undefined, pick: (s: Section) => T | undefined): T | undefined {
    let id = sectionId;
    for (let depth = 0; id !== undefined && depth < 20; depth++) {
      const section = this.byId.get(id);
      if (!section) return undefined;
      const value = pick(section);
      if (value !== undefined) return value;
      id = section.parentId;
    }
    return undefined;
  }
}

/** The province office as the draft names it, for messages; the agency (or its title) for a report of one office. */
export function provinceName(doc: ComparableDocument): string {
  return doc.units.find((u) => u.kind === 'province')?.name ?? doc.meta.province ?? doc.meta.agency ?? doc.meta.title ?? '';
}

/**
 * The indicator a cell names (a row of a table of several indicators): same name words, or the
 * whole name inside the cell; the longest name wins.
 */
export function indicatorNamed(text: string, indicators: readonly Indicator[]): Indicator | undefined {
  const wanted = fold(text);
  if (wanted.trim().length < 6) return undefined;
  const key = indicatorKey(text);
  let best: Indicator | undefined;
  let bestLength = 0;
  for (const indicator of indicators) {
    if (key !== '' && key === indicator.key) return indicator;
    for (const name of [indicator.name, ...indicator.names]) {
      const n = fold(name);
      if (n.trim().length < 6) continue;
      if (wanted.includes(n) && n.length > bestLength) {
        best = indicator;
        bestLength = n.length;
      }
    }
  }
  return best;
}
