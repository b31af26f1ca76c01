// Runs the worst inputs we can build for each regular expression it is given, timing each one.
// A worker thread, so that a catastrophic backtracking case can be stopped from outside
// (packages/parse/test/fuzz.test.ts terminates it past its time limit).
import { parentPort, workerData } from 'node:worker_threads';

/** Characters the pattern can consume: its literals, and one representative per escape class. */
export function alphabetOf(source) {
  const chars = [];
  const add = (c) => {
    if (c !== undefined && c !== '' && !chars.includes(c)) chars.push(c);
  };
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      i++;
      if (e === 'd') add('1');
      else if (e === 'D' || e === 'S' || e === 'w') add('a');
      else if (e === 's' || e === 'W') add(' ');
      else if (e === 't') add('\t');
      else if (e === 'n') add('\n');
      else if (e === 'r') add('\r');
      else if (e === 'p' || e === 'P') {
        const close = source.indexOf('}', i);
        const name = source.slice(i + 2, close);
        add(/^N|Nd/.test(name) ? '1' : /^Z|White/.test(name) ? ' ' : /^P/.test(name) ? '.' : 'a');
        i = close;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) {
        add(String.fromCharCode(Number.parseInt(source.slice(i + 1, i + 5), 16)));
        i += 4;
      } else if (e === 'u' && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        add(String.fromCodePoint(Number.parseInt(source.slice(i + 2, close), 16)));
        i = close;
      } else if (e === 'x') {
        add(String.fromCharCode(Number.parseInt(source.slice(i + 1, i + 3), 16)));
        i += 2;
      } else if (!/[bBkc0-9]/.test(e)) add(e);
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '.' && !inClass) add('a');
    else if (!'()[]{}?*+|^$'.includes(c) && !(inClass && c === '-')) add(c);
  }
  for (const c of [' ', '1', 'a']) add(c);
  return chars;
}

/** Literal words of the pattern ("Rp", "Kab", "\\frac"): prefixes that let an anchored pattern reach its quantifiers. */
function wordsOf(source) {
  const words = [];
  for (const m of source.replace(/\\[dDsSwWbBpPu]\{?[^}\\]*\}?/g, ' ').matchAll(/[\p{L}\p{N}%.,:/]{2,}/gu)) if (!words.includes(m[0])) words.push(m[0]);
  return words.slice(0, 4);
}

export const LONG = 50_000;
const SHORT = 5_000;

/**
 * Families of worst inputs, each a function of a length: one character of the pattern's
 * alphabet repeated (the "50 000 spaces" case), two of them alternating, and a literal word of
 * the pattern followed by repetitions (to get past an anchor such as "^Rp"). Each ends in NUL,
 * which no pattern expects, so a match attempt fails only after all the backtracking it can do.
 */
export function* worstInputs(source) {
  const alphabet = alphabetOf(source).slice(0, 16);
  for (const c of alphabet) yield [`${JSON.stringify(c)} x n + NUL`, (n) => c.repeat(n) + '\u0000'];
  for (const c of alphabet.slice(0, 4)) yield [`${JSON.stringify(c)} x n`, (n) => c.repeat(n)];
  const few = alphabet.slice(0, 8);
  for (const a of few) for (const b of few) if (a !== b) yield [`${JSON.stringify(a + b)} x n/2 + NUL`, (n) => (a + b).repeat(n / 2) + '\u0000'];
  for (const w of wordsOf(source).slice(0, 3)) {
    for (const c of alphabet.slice(0, 6)) {
      yield [`${JSON.stringify(w)} + ${JSON.stringify(c)} x n + NUL`, (n) => w + c.repeat(n) + '\u0000'];
      yield [`${JSON.stringify(w + c)} x n/${w.length + 1} + NUL`, (n) => (w + c).repeat(Math.floor(n / (w.length + 1))) + '\u0000'];
    }
  }
}

function time(re, input) {
  const started = performance.now();
  exercise(re, input);
  return performance.now() - started;
}

/**
 * The fastest of three runs: a pause of the process (garbage collection, a loaded machine)
 * only ever adds time, so the minimum is the regex's own cost. Used to confirm a suspicion
 * before a family is called superlinear, so that one slow run is not reported as a finding.
 */
function steadyTime(re, input) {
  return Math.min(time(re, input), time(re, input), time(re, input));
}

/**
 * The slowest input family for `re`, timed at 50 000 characters. A family that already costs
 * more than 20 ms at 5 000 characters and grows more than 3x when the input doubles is
 * superlinear, reported as such without waiting for the long run; so is one whose long run
 * costs more than 30 times the short one.
 */
export function measure(re, source, onStart = () => undefined) {
  let worst = { ms: 0, input: '', superlinear: false };
  for (const [label, make] of worstInputs(source)) {
    onStart(label);
    let short = time(re, make(SHORT));
    if (short > 20) {
      short = steadyTime(re, make(SHORT));
      const double = steadyTime(re, make(SHORT * 2));
      if (short > 20 && double > short * 3) return { ms: double, input: `${label} (${SHORT}: ${short.toFixed(0)} ms, ${SHORT * 2}: ${double.toFixed(0)} ms)`, superlinear: true };
    }
    let ms = time(re, make(LONG));
    // Ten times the input costs ten times the time when linear; thirty times is not noise,
    // once the suspicion survives re-timing both sizes.
    const suspicious = () => ms > 200 && ms > 30 * Math.max(short, 1);
    if (suspicious()) {
      short = steadyTime(re, make(SHORT));
      ms = steadyTime(re, make(LONG));
      if (suspicious()) return { ms, input: `${label} (${SHORT}: ${short.toFixed(0)} ms, ${LONG}: ${ms.toFixed(0)} ms)`, superlinear: true };
    }
    if (ms > worst.ms) worst = { ms, input: `${label}, n = ${LONG}`, superlinear: false };
  }
  return worst;
}

/** As the code uses a pattern: sticky ones at many positions, global ones over the whole text, others once. */
export function exercise(re, input) {
  if (re.sticky) {
    for (let i = 0; i < input.length; i += 997) {
      re.lastIndex = i;
      re.exec(input);
    }
    re.lastIndex = 0;
  } else if (re.global) {
    re.lastIndex = 0;
    input.replace(re, '');
  } else {
    re.test(input);
  }
}

if (parentPort && workerData?.regexes) {
  for (const { id, source, flags } of workerData.regexes) {
    let re;
    try {
      re = new RegExp(source, flags);
    } catch {
      parentPort.postMessage({ type: 'result', id, ms: 0, input: 'does not compile', superlinear: false });
      continue;
    }
    const result = measure(re, source, (input) => parentPort.postMessage({ type: 'start', id, input }));
    parentPort.postMessage({ type: 'result', id, ...result });
  }
  parentPort.postMessage({ type: 'done' });
}
