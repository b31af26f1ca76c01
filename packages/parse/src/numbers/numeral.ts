import type { NumberReading } from './types.js';

export type Separator = ',' | '.';

/**
 * What the digits and separators of a figure allow, before any context is consulted.
 * `either` is the one shape Indonesian reports leave open: a single separator followed by
 * exactly three digits (`17.154` pupils, `85.625` index points, `1,750`).
 */
export type NumeralShape =
  | {
      type: 'fixed';
      reading: NumberReading;
      /** The separator that marks decimals, when the numeral shows one. */
      decimalSeparator?: Separator;
      /** The separator that groups thousands, when the numeral shows one. */
      thousandsSeparator?: Separator;
    }
  | {
      type: 'either';
      separator: Separator;
      thousands: NumberReading;
      decimal: NumberReading;
    };

// No figure of a report comes near this length (a trillion rupiah with cents is 22 characters);
// longer digit runs are identifiers, and reading them would only cost time.
const LONGEST_NUMERAL = 64;

// A thousands group may not start with 0: "0.125" can only be a decimal.
const LEADING_GROUP = /^[1-9]\d{0,2}$/;

function otherSeparator(separator: Separator): Separator {
  return separator === '.' ? ',' : '.';
}

function isThousandsGrouping(integerPart: string, separator: Separator): boolean {
  const groups = integerPart.split(separator);
  const [first, ...rest] = groups;
  if (first === undefined || !LEADING_GROUP.test(first)) return false;
  for (const group of rest) if (group.length !== 3) return false;
  return true;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * `core` holds only ASCII digits, dots and commas, starts and ends with a digit and never has
 * two separators in a row (the scanner guarantees it). Returns undefined when the separators
 * follow no number convention (`3.1.2` section numbers, `16.01.2025` dates) or the numeral is
 * too long to be a figure.
 */
export function analyseNumeral(core: string): NumeralShape | undefined {
  if (core.length > LONGEST_NUMERAL) return undefined;
  const dots = count(core, '.');
  const commas = count(core, ',');
  if (dots === 0 && commas === 0) {
    return { type: 'fixed', reading: { value: Number(core), decimals: 0 } };
  }
  if (dots > 0 && commas > 0) {
    const last = Math.max(core.lastIndexOf('.'), core.lastIndexOf(','));
    const decimalSeparator: Separator = core.charAt(last) === '.' ? '.' : ',';
    const thousandsSeparator = otherSeparator(decimalSeparator);
    if (count(core, decimalSeparator) !== 1) return undefined;
    const integerPart = core.slice(0, last);
    const fraction = core.slice(last + 1);
    if (!isThousandsGrouping(integerPart, thousandsSeparator)) return undefined;
    return {
      type: 'fixed',
      reading: { value: Number(`${integerPart.split(thousandsSeparator).join('')}.${fraction}`), decimals: fraction.length },
      decimalSeparator,
      thousandsSeparator,
    };
  }
  const separator: Separator = dots > 0 ? '.' : ',';
  const separators = dots + commas;
  if (separators > 1) {
    if (!isThousandsGrouping(core, separator)) return undefined;
    return {
      type: 'fixed',
      reading: { value: Number(core.split(separator).join('')), decimals: 0 },
      thousandsSeparator: separator,
    };
  }
  const at = core.indexOf(separator);
  const integerPart = core.slice(0, at);
  const fraction = core.slice(at + 1);
  const decimal: NumberReading = { value: Number(`${integerPart}.${fraction}`), decimals: fraction.length };
  if (fraction.length === 3 && LEADING_GROUP.test(integerPart)) {
    return {
      type: 'either',
      separator,
      thousands: { value: Number(integerPart + fraction), decimals: 0 },
      decimal,
    };
  }
  return { type: 'fixed', reading: decimal, decimalSeparator: separator };
}
