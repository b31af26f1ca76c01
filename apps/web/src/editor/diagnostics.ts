import type { Action, Diagnostic } from '@codemirror/lint';
import type { Severity } from '@lkip/engine';
import { relatedLabel } from '../findings/labels.ts';
import type { Finding, RelatedPlace } from '../findings/model.ts';
import { ruleTitle, type UiWords } from '../i18n.ts';

export interface FindingActions {
  words: UiWords;
  goTo(place: RelatedPlace): void;
  applyFix(finding: Finding): void;
  applySuggestion(finding: Finding, index: number): void;
}

const SEVERITY: Record<Severity, Diagnostic['severity']> = { 2: 'error', 1: 'warning', 0: 'info' };

/** Findings as CodeMirror diagnostics: underline, gutter marker, hover text and quick fixes. */
export function toDiagnostics(findings: readonly Finding[], actions: FindingActions): Diagnostic[] {
  return findings.map((finding) => {
    const { message } = finding;
    const buttons: Action[] = [];
    if (message.fix) buttons.push({ name: actions.words.fix, apply: () => actions.applyFix(finding) });
    (message.suggestions ?? []).forEach((s, i) => buttons.push({ name: s.desc, apply: () => actions.applySuggestion(finding, i) }));
    const diagnostic: Diagnostic = {
      from: finding.from,
      to: finding.to,
      severity: SEVERITY[message.severity],
      source: message.ruleId ? ruleTitle(actions.words, message.ruleId) : actions.words.engine,
      message: message.message,
      renderMessage: () => renderMessage(finding, actions),
    };
    if (buttons.length > 0) diagnostic.actions = buttons;
    return diagnostic;
  });
}

/**
 * The hover text. Built from text nodes only: a message quotes the draft, and the draft may
 * hold HTML that must stay text.
 */
function renderMessage(finding: Finding, actions: FindingActions): HTMLElement {
  const box = document.createElement('div');
  box.className = 'lkip-tooltip';
  const text = document.createElement('div');
  text.textContent = finding.message.message;
  box.append(text);
  if (finding.related.length > 0) {
    const list = document.createElement('ul');
    list.className = 'lkip-related';
    list.setAttribute('aria-label', actions.words.related);
    for (const place of finding.related) {
      const item = document.createElement('li');
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'lkip-link';
      link.dataset.testid = 'related';
      link.textContent = relatedLabel(actions.words, place);
      link.title = actions.words.line(place.line, place.column);
      link.addEventListener('mousedown', (event) => event.preventDefault());
      link.addEventListener('click', () => actions.goTo(place));
      item.append(link);
      list.append(item);
    }
    box.append(list);
  }
  return box;
}
