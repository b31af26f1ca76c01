import type { FindingSubject } from './types.js';

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/**
 * A finding's identity for SARIF `partialFingerprints` and baselines: the rule and what the
 * finding is about, never where it is, so adding a paragraph above it does not make an accepted
 * finding new again. FNV-1a (64 bit) because it needs no crypto module in the browser and a
 * baseline holds few enough findings for 64 bits to keep them apart.
 */
export function fingerprint(ruleId: string, subject?: FindingSubject, fallback?: string): string {
  const parts = [ruleId, subject?.indicator, subject?.unit, subject?.role, subject?.detail].map(normalise);
  const hasSubject = parts.slice(1).some((p) => p !== '');
  if (!hasSubject && fallback !== undefined) parts.push(normalise(fallback));
  return fnv1a64(parts.join('\u001f'));
}

// Spelling noise an editor fixes (case, doubled spaces) should not count as a new finding.
function normalise(part: string | undefined): string {
  return (part ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, '0');
}
