import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A regular expression written in the sources, with where it is. */
export interface SourceRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

export interface RegexInventory {
  regexes: SourceRegex[];
  /** `new RegExp(…)` calls whose pattern could not be worked out statically (listed, not tested). */
  dynamic: { file: string; line: number; text: string }[];
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Every regular expression of the given source folders: literals, and `new RegExp(…)` whose
 * pattern is built from string constants of the same file (template literals, `+`,
 * `[…].join('|')`, `OTHER.source`), evaluated the way the module evaluates them.
 */
export function collectRegexes(root: string, folders: string[]): RegexInventory {
  const inventory: RegexInventory = { regexes: [], dynamic: [] };
  for (const folder of folders) {
    for (const file of tsFiles(join(root, folder))) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const name = relative(root, file);
      const consts = new Map<string, ts.Expression>();
      const collectConsts = (node: ts.Node) => {
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (node.parent.flags & ts.NodeFlags.Const) !== 0) {
          consts.set(node.name.text, node.initializer);
        }
        ts.forEachChild(node, collectConsts);
      };
      collectConsts(sf);
      const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;

      const stringOf = (node: ts.Expression, depth = 0): string | undefined => {
        if (depth > 20) return undefined;
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
        if (ts.isParenthesizedExpression(node)) return stringOf(node.expression, depth + 1);
        if (ts.isAsExpression(node)) return stringOf(node.expression, depth + 1);
        if (ts.isTemplateExpression(node)) {
          let out = node.head.text;
          for (const span of node.templateSpans) {
            const part = stringOf(span.expression, depth + 1);
            if (part === undefined) return undefined;
            out += part + span.literal.text;
          }
          return out;
        }
        if (ts.isIdentifier(node)) {
          const init = consts.get(node.text);
          return init ? stringOf(init, depth + 1) : undefined;
        }
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
          const a = stringOf(node.left, depth + 1);
          const b = stringOf(node.right, depth + 1);
          return a === undefined || b === undefined ? undefined : a + b;
        }
        if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
          const target = ts.isIdentifier(node.expression) ? consts.get(node.expression.text) : node.expression;
          if (target && ts.isRegularExpressionLiteral(target)) return splitLiteral(target.text).source;
          return undefined;
        }
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
          let list: ts.Expression | undefined = node.expression.expression;
          if (list && ts.isIdentifier(list)) list = consts.get(list.text);
          if (!list || !ts.isArrayLiteralExpression(list)) return undefined;
          const items = list.elements.map((e) => stringOf(e, depth + 1));
          const sep = node.arguments[0] ? stringOf(node.arguments[0], depth + 1) : ',';
          if (sep === undefined || items.some((i) => i === undefined)) return undefined;
          return items.join(sep);
        }
        return undefined;
      };

      const visit = (node: ts.Node) => {
        if (ts.isRegularExpressionLiteral(node)) {
          inventory.regexes.push({ file: name, line: lineOf(node), ...splitLiteral(node.text) });
        } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [patternArg, flagsArg] = node.arguments ?? [];
          const source = patternArg ? stringOf(patternArg) : undefined;
          const flags = flagsArg ? stringOf(flagsArg) : '';
          if (source !== undefined && flags !== undefined) inventory.regexes.push({ file: name, line: lineOf(node), source, flags });
          else inventory.dynamic.push({ file: name, line: lineOf(node), text: node.getText().slice(0, 120) });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return inventory;
}

function splitLiteral(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}
