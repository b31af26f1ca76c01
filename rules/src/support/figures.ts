import { point, roundTo, statedInterval, type Interval, type RoundingMode } from '@lkip/engine';
import type { NumberReading, Quantity } from '@lkip/schema';

/** Every reading of a figure: the chosen one, or all of them when the text alone cannot decide. */
export function readingsOf(q: Quantity): NumberReading[] {
  return q.ambiguous ? q.ambiguous.readings : [{ value: q.value, decimals: q.decimals }];
}

// Units of things that are counted, not measured: "3 Kab/Kota", "4 Berkas Perkara", "10 Orang".
const COUNT_UNIT = /\b(kab|kabupaten|kota|orang|lembaga|unit|berkas|perkara|satker|kegiatan|dokumen|laporan|kali|desa|kelurahan|kecamatan|sekolah|pegawai|klien|kasus|instansi|peserta|responden)\b/i;

/**
 * A whole number of counted things is exact: "2 Kab/Kota" is not a rounded 2,4. Reading it as
 * [1,5; 3] would let "2 / 3 × 100 % = 70 %" pass, so counts get no rounding interval.
 */
export function isCount(q: Quantity): boolean {
  return q.decimals === 0 && !q.percent && COUNT_UNIT.test(q.unit ?? '');
}

/**
 * A figure known to be exact (a count, a target as agreed in the PK) written as a figure with
 * every decimal shown, so that the engine's helpers that take `{ value, decimals }` treat it
 * as a point.
 */
export const EXACT_DECIMALS = 12;

export function asStated(reading: NumberReading, exact: boolean): NumberReading {
  return exact ? { value: reading.value, decimals: EXACT_DECIMALS } : reading;
}

/** The values a reading of `q` stands for: a point for exact figures, the rounding interval otherwise. */
export function intervalOf(reading: NumberReading, exact: boolean, mode: RoundingMode): Interval {
  return exact ? point(reading.value) : statedInterval(reading.value, reading.decimals, mode);
}

/** "94.50" and "94.5" are one figure; "89.56" and "89.58" are two. */
export function sameFigure(a: Quantity, b: Quantity): boolean {
  return readingsOf(a).some((x) => readingsOf(b).some((y) => {
    const decimals = Math.min(x.decimals, y.decimals);
    return roundTo(x.value, decimals) === roundTo(y.value, decimals);
  }));
}

/** A figure as a message shows it: as written, without LaTeX escapes. */
export function figureText(q: Quantity): string {
  return q.raw.replace(/\\%/g, '%').replace(/\\,/g, '').replace(/\s+/g, ' ').trim();
}
