import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

// Read at run time so the version printed is the one in package.json, from src/ (tests) and dist/ alike.
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const TOOL_NAME = 'lkip';
export const TOOL_VERSION = readVersion();
// SARIF wants an absolute URI for the tool; the project has no published home yet.
export const TOOL_INFORMATION_URI = 'https://github.com/lkip/lkip';
/** Where rule pages live, relative to the repository root (ESLint's docs/src/rules/<id>.md). */
export const RULE_DOCS_DIR = 'rules/docs';

/** A rule's page, as an absolute address (SARIF's helpUri, `lkip rules`): the page beside the rule's code. */
export function ruleDocUri(id: string): string {
  return `${TOOL_INFORMATION_URI}/blob/main/${RULE_DOCS_DIR}/${id}.md`;
}
