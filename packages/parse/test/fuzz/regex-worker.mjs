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

const LONG = 50_000;
const PAIR = 20_000;

export function* worstInputs(source) {
  const alphabet = alphabetOf(source).slice(0, 16);
  for (const c of alphabet) {
    yield [`${JSON.stringify(c)} x ${LONG} + NUL`, c.repeat(LONG) + '\u0000'];
    yield [`${JSON.stringify(c)} x ${LONG}`, c.repeat(LONG)];
  }
  const few = alphabet.slice(0, 10);
  for (const a of few) for (const b of few) if (a !== b) yield [`${JSON.stringify(a + b)} x ${PAIR / 2} + NUL`, (a + b).repeat(PAIR / 2) + '\u0000'];
  for (const w of wordsOf(source)) {
    for (const c of alphabet.slice(0, 8)) {
      yield [`${JSON.stringify(w)} + ${JSON.stringify(c)} x ${PAIR} + NUL`, w + c.repeat(PAIR) + '\u0000'];
      yield [`(${JSON.stringify(w + c)}) x ${Math.floor(PAIR / (w.length + 1))} + NUL`, (w + c).repeat(Math.floor(PAIR / (w.length + 1))) + '\u0000'];
    }
  }
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
      parentPort.postMessage({ type: 'result', id, worst: 0, input: 'does not compile' });
      continue;
    }
    let worst = 0;
    let worstInput = '';
    for (const [label, input] of worstInputs(source)) {
      parentPort.postMessage({ type: 'start', id, input: label });
      const started = performance.now();
      exercise(re, input);
      const ms = performance.now() - started;
      if (ms > worst) {
        worst = ms;
        worstInput = label;
      }
    }
    parentPort.postMessage({ type: 'result', id, worst, input: worstInput });
  }
  parentPort.postMessage({ type: 'done' });
}
