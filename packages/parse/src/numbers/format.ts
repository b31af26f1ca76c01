import type { Separator } from './numeral.js';
import { readSingleFigure } from './read-number.js';
import { scanFigures } from './scan.js';
import type { NumberContext, NumberStyle } from './types.js';

// Half-up on the decimal digits as written: toFixed alone turns 1.005 into "1.00" because
// 1.005 is stored as 1.00499…; a fix must write what a reviewer computes by hand.
function toFixedHalfUp(magnitude: number, places: number): string {
  const shifted = Number(`${magnitude}e${places}`);
  if (!Number.isFinite(shifted)) return magnitude.toFixed(places);
  return (Math.round(shifted) / 10 ** places).toFixed(places);
}

function groupThousands(integerDigits: string, separator: string): string {
  let grouped = '';
  for (let end = integerDigits.length; end > 0; end -= 3) {
    const group = integerDigits.slice(Math.max(0, end - 3), end);
    grouped = grouped === '' ? group : group + separator + grouped;
  }
  return grouped;
}

/**
 * Writes `value` with `decimals` decimals in the style of the figure it replaces:
 * (106.2, 1, comma style) → "106,2"; (14798345000, 0, dot thousands) → "14.798.345.000".
 */
export function formatIndonesianNumber(value: number, decimals: number, style: { decimalSeparator: ',' | '.'; thousandsSeparator?: '.' | ',' | '' }): string {
  if (!Number.isFinite(value)) return String(value);
  const places = Number.isFinite(decimals) ? Math.min(20, Math.max(0, Math.floor(decimals))) : 0;
  const decimalSeparator = style.decimalSeparator === '.' ? '.' : ',';
  const wanted = style.thousandsSeparator ?? '';
  // A thousands separator equal to the decimal separator would make the figure unreadable.
  const thousandsSeparator = wanted === decimalSeparator ? '' : wanted;
  const fixed = toFixedHalfUp(Math.abs(value), places);
  const negative = value < 0 && /[1-9]/.test(fixed);
  if (fixed.includes('e')) return (negative ? '-' : '') + fixed;
  const [integerDigits = '0', fraction = ''] = fixed.split('.');
  const integer = thousandsSeparator === '' ? integerDigits : groupThousands(integerDigits, thousandsSeparator);
  return (negative ? '-' : '') + (fraction === '' ? integer : integer + decimalSeparator + fraction);
}

function paired(separator: Separator): Separator {
  return separator === '.' ? ',' : '.';
}

const INDONESIAN: NumberStyle = { decimalSeparator: ',', thousandsSeparator: '.' };

/**
 * The style `raw` is written in, so a fix keeps "106,2" in comma style. A separator the figure
 * does not show is completed by convention (decimal comma with thousands dots and vice versa);
 * a plain integer of four or more digits shows that the draft groups nothing. `context`
 * decides figures such as "85.625" the same way `readIndonesianNumber` does.
 */
export function numberStyleOf(raw: string, context?: NumberContext): NumberStyle {
  if (typeof raw !== 'string') return { ...INDONESIAN };
  const figure = readSingleFigure(raw, context) ?? scanFigures(raw, context)[0];
  if (figure === undefined) return { ...INDONESIAN };
  const { shape, core } = figure;
  if (shape.type === 'either') {
    const decimalSeparator = figure.chose === 'decimal' ? shape.separator : paired(shape.separator);
    return { decimalSeparator, thousandsSeparator: paired(decimalSeparator) };
  }
  if (shape.decimalSeparator !== undefined) {
    return { decimalSeparator: shape.decimalSeparator, thousandsSeparator: shape.thousandsSeparator ?? paired(shape.decimalSeparator) };
  }
  if (shape.thousandsSeparator !== undefined) {
    return { decimalSeparator: paired(shape.thousandsSeparator), thousandsSeparator: shape.thousandsSeparator };
  }
  return core.length >= 4 ? { decimalSeparator: ',', thousandsSeparator: '' } : { ...INDONESIAN };
}
