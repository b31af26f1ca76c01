import type { Position } from '@lkip/schema';
import type { SourceCell } from '../tables/types.js';

/** A "Perhitungan Capaian" fraction: numerator / denominator (× multiplier) = stated. */
export interface FractionBlock {
  layout: 'latex' | 'text-two-line' | 'inline';
  /** Text with LaTeX markup removed ("3 Kab/Kota"); position covers the source span. */
  numerator: SourceCell;
  denominator: SourceCell;
  /** "100%" / "100 %" when the draft shows the multiplier. */
  multiplier?: SourceCell;
  /** The stated result, e.g. "66.7 %". */
  stated: SourceCell;
  /** "% Capaian", "Realisasi". */
  label?: string;
  /** The whole fraction: the math node, the row, or all its lines. */
  position: Position;
}
