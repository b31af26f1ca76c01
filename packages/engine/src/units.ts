import type { ReportingUnit } from '@lkip/schema';

const spelled = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The office a text names, when it is the office's name, its place name or one of the ways the
 * draft writes it (the reader's `spellings`: an acronym of the place, all capitals…), in
 * any case and spacing. What rules put into a finding's subject and what the comparison reads back
 * go through this one test.
 */
export function unitNamed(units: readonly ReportingUnit[], text: string): ReportingUnit | undefined {
  const wanted = spelled(text);
  return units.find((u) => [u.name, u.placeName, ...u.spellings].some((s) => spelled(s) === wanted));
}
