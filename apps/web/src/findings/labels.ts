import type { UiWords } from '../i18n.ts';
import { WHOLE_REPORT_UNIT, type RelatedPlace } from './model.ts';

/** The office as a label: findings about a whole indicator carry the rules' own tag, not a name. */
export function unitLabel(words: UiWords, unit: string): string {
  return unit === WHOLE_REPORT_UNIT ? words.wholeReport : unit;
}

/**
 * A related place's label. The engine's note already names the place and its line ("the
 * Chapter III table — BNNK Belu, line 357"; in a PDF, its page); added only when it does not.
 */
export function relatedLabel(words: UiWords, place: RelatedPlace): string {
  if (place.pdf) {
    const page = words.pdf.page(place.pdf.page);
    return place.message.includes(page) ? place.message : `${place.message} (${page})`;
  }
  const named = new RegExp(`\\b(?:line|baris) ${place.line}\\b`).test(place.message);
  return named ? place.message : `${place.message} (${words.lineOnly(place.line)})`;
}
