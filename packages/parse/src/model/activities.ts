import type { SupportingActivity } from '@lkip/schema';
import { placeFor, type BuildContext } from './context.js';
import { proseScopes } from './prose-scope.js';

/**
 * "Untuk mendukung IKU tersebut, Dinas … melakukan kegiatan X": the activities the draft names
 * for an indicator, in the summary's items and in each indicator section. A rule compares them
 * with the indicators' names (two indicators whose activities were swapped).
 */

// The activity runs from "kegiatan" (or the verb) to the end of the sentence or to the clause that states the result.
const SUPPORT = /\buntuk\s+mendukung\b[^.]{0,200}?\b(?:melakukan|melaksanakan|menyelenggarakan)\s+(?:kegiatan\s+)?(.+?)(?=\.\s+[A-Z]|\.\s*$|,?\s+dengan\s+capaian\b|,\s*capaian\b|;|$)/gis;

export function readActivities(ctx: BuildContext): SupportingActivity[] {
  const out: SupportingActivity[] = [];
  for (const scope of proseScopes(ctx)) {
    if (!scope.current) continue;
    for (const m of scope.block.raw.matchAll(SUPPORT)) {
      const activity = m[1] ?? '';
      if (activity.trim().length < 6) continue;
      const start = scope.block.start + (m.index ?? 0) + m[0].length - activity.length;
      const end = start + activity.length;
      out.push({
        indicatorId: scope.indicator.id,
        text: activity.replace(/\s+/g, ' ').trim(),
        place: placeFor(ctx, scope.placeKind, start),
        position: ctx.map.position(start, end),
      });
    }
  }
  return out;
}
