import { decodeEntities, elementAt, escapeXml, findStartTag } from './xml.js';

/**
 * Equations typed with Word's equation editor (OMML) are where many drafts put their
 * "Perhitungan Capaian" fractions; mammoth drops them without a trace. They are rewritten
 * here, before mammoth reads the document, as text runs holding the same formula in the
 * LaTeX the Markdown reader already understands (`$\frac{3 Kab/Kota}{4 Kab/Kota}$`).
 */

interface MathNode {
  name: string;
  children: MathNode[];
  text: string;
}

const MAX_DEPTH = 64;

/** A small element tree of one equation; equations are short, depth is capped. */
function parseMath(xml: string): MathNode {
  const root: MathNode = { name: '#root', children: [], text: '' };
  const stack: MathNode[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1] as MathNode;
    if (lt === -1) {
      top.children.push({ name: '#text', children: [], text: decodeEntities(xml.slice(i)) });
      break;
    }
    if (lt > i) top.children.push({ name: '#text', children: [], text: decodeEntities(xml.slice(i, lt)) });
    const gt = xml.indexOf('>', lt);
    if (gt === -1) break;
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const selfClosing = tag.endsWith('/');
    const nameEnd = tag.search(/[\s/]/);
    const node: MathNode = { name: nameEnd === -1 ? tag : tag.slice(0, nameEnd), children: [], text: '' };
    if (node.name === 'm:begChr' || node.name === 'm:endChr' || node.name === 'm:chr' || node.name === 'm:sepChr') {
      const m = /m:val\s*=\s*["']([^"']*)["']/.exec(tag);
      node.text = m ? decodeEntities(m[1] ?? '') : '';
    }
    top.children.push(node);
    if (!selfClosing && stack.length < MAX_DEPTH) stack.push(node);
  }
  return root;
}

function child(node: MathNode, name: string): MathNode | undefined {
  return node.children.find((c) => c.name === name);
}

function escapeLatex(text: string): string {
  return text.replace(/[\\%{}$#&_^]/g, (ch) => (ch === '\\' ? '\\backslash ' : `\\${ch}`));
}

function toLatex(node: MathNode | undefined): string {
  if (!node) return '';
  switch (node.name) {
    case '#text':
      return '';
    case 'm:t':
      return escapeLatex(node.children.filter((c) => c.name === '#text').map((c) => c.text).join(''));
    case 'm:f':
      return `\\frac{${toLatex(child(node, 'm:num'))}}{${toLatex(child(node, 'm:den'))}}`;
    case 'm:sSup':
      return `{${toLatex(child(node, 'm:e'))}}^{${toLatex(child(node, 'm:sup'))}}`;
    case 'm:sSub':
      return `{${toLatex(child(node, 'm:e'))}}_{${toLatex(child(node, 'm:sub'))}}`;
    case 'm:sSubSup':
      return `{${toLatex(child(node, 'm:e'))}}_{${toLatex(child(node, 'm:sub'))}}^{${toLatex(child(node, 'm:sup'))}}`;
    case 'm:rad':
      return `\\sqrt{${toLatex(child(node, 'm:e'))}}`;
    case 'm:d': {
      const props = child(node, 'm:dPr');
      const open = props ? (child(props, 'm:begChr')?.text ?? '(') : '(';
      const close = props ? (child(props, 'm:endChr')?.text ?? ')') : ')';
      const parts = node.children.filter((c) => c.name === 'm:e').map(toLatex);
      return `${escapeLatex(open)}${parts.join(', ')}${escapeLatex(close)}`;
    }
    default:
      // Property elements (m:rPr, m:fPr, w:rPr…) hold no text; everything else is its content.
      if (node.name.endsWith('Pr')) return '';
      return node.children.map(toLatex).join('');
  }
}

export function ommlToLatex(xml: string): string {
  return toLatex(parseMath(xml)).replace(/\s+/g, ' ').trim();
}

/** Replaces each equation of a document part by a text run holding its LaTeX. */
export function writeEquationsAsText(documentXml: string): { xml: string; equations: number } {
  let equations = 0;
  const out: string[] = [];
  let copied = 0;
  let at = documentXml.indexOf('<m:oMath');
  while (at !== -1) {
    const isPara = documentXml.startsWith('<m:oMathPara', at);
    const name = isPara ? 'm:oMathPara' : 'm:oMath';
    if (findStartTag(documentXml, name, at) !== at) {
      at = documentXml.indexOf('<m:oMath', at + 1);
      continue;
    }
    const el = elementAt(documentXml, name, at);
    const latex = ommlToLatex(el.inner);
    equations++;
    const delimiter = isPara ? '$$' : '$';
    out.push(documentXml.slice(copied, el.start));
    if (latex !== '') out.push(`<w:r><w:t xml:space="preserve">${escapeXml(`${delimiter}${latex}${delimiter}`)}</w:t></w:r>`);
    copied = el.end;
    at = documentXml.indexOf('<m:oMath', el.end);
  }
  if (equations === 0) return { xml: documentXml, equations };
  out.push(documentXml.slice(copied));
  return { xml: out.join(''), equations };
}
