import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Severity } from '@lkip/engine';
import { ruleTitle, type UiWords } from '../i18n.ts';
import type { DraftState, RuleInfo } from '../lint/protocol.ts';
import { relatedLabel, unitLabel } from './labels.ts';
import { ENGINE_RULE, ruleOf, type FacetCounts, type Finding, type FindingFilters, type FindingGroup, type GroupMode, type RelatedPlace } from './model.ts';

/** What the panel is showing: no draft yet, or the reader's verdict on the draft. */
export type PanelState = 'none' | DraftState;

export interface FindingsPanelProps {
  words: UiWords;
  state: PanelState;
  /** Why the reader failed, for `unreadable`. */
  stateDetail?: string | undefined;
  total: number;
  /** The title of a group: an indicator's number and name, or the rule's name. */
  groupTitle(group: FindingGroup): string;
  groups: readonly FindingGroup[];
  listed: readonly Finding[];
  facets: FacetCounts;
  rules: readonly RuleInfo[];
  mode: GroupMode;
  filters: FindingFilters;
  activeKey: string | undefined;
  /** Fixes and ignore comments change the text: not applied to a draft that cannot be edited (a PDF). */
  editable: boolean;
  /** Why fixes are not applied, said once above the list (a PDF). */
  fixNote?: string | undefined;
  onModeChange(mode: GroupMode): void;
  onFiltersChange(filters: FindingFilters): void;
  /** Click: select the figure, keep the keyboard in the list. */
  onActivate(finding: Finding): void;
  /** Enter: select the figure and move the keyboard to the editor, to type the right number. */
  onOpen(finding: Finding): void;
  onStep(direction: 1 | -1): void;
  onFix(finding: Finding): void;
  onSuggestion(finding: Finding, index: number): void;
  onGoTo(place: RelatedPlace): void;
  onIgnore(finding: Finding): void;
  onRuleDoc(ruleId: string): void;
}

const SEVERITIES: readonly Severity[] = [2, 1, 0];
const SEVERITY_CLASS: Record<Severity, string> = { 2: 'error', 1: 'warning', 0: 'info' };

/** Memoised: the editor's keystrokes re-render the page's status line, not this list. */
export const FindingsPanel = memo(function FindingsPanel(props: FindingsPanelProps) {
  const { words, filters, facets } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const description = (id: string) => props.rules.find((r) => r.id === id)?.description;

  // Keyboard focus follows the active finding, so arrow keys keep working from where it went.
  useEffect(() => {
    const list = listRef.current;
    if (!list || props.activeKey === undefined || !list.contains(document.activeElement)) return;
    const item = list.querySelector<HTMLElement>(`[data-key="${CSS.escape(props.activeKey)}"]`);
    if (item && document.activeElement !== item) item.focus();
  }, [props.activeKey]);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement || (event.target instanceof HTMLButtonElement && event.key === 'Enter')) return;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j' || key === 'n') props.onStep(1);
    else if (key === 'ArrowUp' || key === 'k' || key === 'p') props.onStep(-1);
    else return;
    event.preventDefault();
  };

  const toggleSeverity = (severity: Severity) => {
    const next = new Set(filters.severities);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    props.onFiltersChange({ ...filters, severities: next });
  };

  // "No findings" only for a draft that was read and checked; anything else is said as it is.
  const stateText =
    props.state === 'none'
      ? words.state.none
      : props.state === 'not-lkip' || props.state === 'empty'
        ? words.state[props.state]
        : props.state === 'unreadable'
          ? props.stateDetail
            ? words.state.unreadableBecause(props.stateDetail)
            : words.state.unreadable
          : undefined;

  return (
    <div className="findings">
      <div className="findings-controls">
        <div className="findings-total">
          <span data-testid="findings-count" className="count">
            {props.listed.length}
          </span>
          {props.listed.length !== props.total ? <span className="muted"> / {props.total}</span> : null}
          <span className="severity-counts">
            {SEVERITIES.map((s) => (
              <label key={s} className={`severity-toggle ${SEVERITY_CLASS[s]}`}>
                <input type="checkbox" checked={filters.severities.has(s)} onChange={() => toggleSeverity(s)} data-testid={`filter-severity-${s}`} />
                {words.severity[s]} {facets.severities[s]}
              </label>
            ))}
          </span>
        </div>
        <div className="findings-filters">
          <select aria-label={words.groupBy} value={props.mode} onChange={(e) => props.onModeChange(e.target.value as GroupMode)} data-testid="group-mode">
            <option value="indicator">
              {words.groupBy} {words.byIndicator}
            </option>
            <option value="rule">
              {words.groupBy} {words.byRule}
            </option>
          </select>
          <select aria-label={words.rule} value={filters.rule} onChange={(e) => props.onFiltersChange({ ...filters, rule: e.target.value })} data-testid="filter-rule">
            <option value="">{words.allRules}</option>
            {facets.rules.map(([rule, n]) => (
              <option key={rule} value={rule}>
                {rule === ENGINE_RULE ? words.engine : ruleTitle(words, rule, description(rule))} ({n})
              </option>
            ))}
          </select>
          <select aria-label={words.unit} value={filters.unit} onChange={(e) => props.onFiltersChange({ ...filters, unit: e.target.value })} data-testid="filter-unit">
            <option value="">{words.allUnits}</option>
            {facets.units.map(([unit, n]) => (
              <option key={unit} value={unit}>
                {unitLabel(words, unit)} ({n})
              </option>
            ))}
          </select>
        </div>
      </div>

      {props.fixNote !== undefined && props.total > 0 ? (
        <p className="fix-note small" data-testid="fix-note">
          {props.fixNote}
        </p>
      ) : null}
      <div className="findings-list" ref={listRef} onKeyDown={onListKey}>
        {stateText !== undefined && props.total === 0 ? (
          <p className="empty state" data-testid="draft-state" data-state={props.state}>
            {stateText}
          </p>
        ) : props.total === 0 ? (
          <p className="empty" data-testid="no-findings">
            {words.noFindings}
          </p>
        ) : props.listed.length === 0 ? (
          <p className="empty">{words.noMatches}</p>
        ) : null}
        {props.groups.map((group) => (
          <section key={group.key} className="finding-group" aria-label={props.groupTitle(group)}>
            <h3>
              <span title={props.groupTitle(group)}>{props.groupTitle(group)}</span>
              <span className="group-count">{group.findings.length}</span>
            </h3>
            <div role="list">
              {group.findings.map((finding) => (
                <FindingItem key={finding.key} finding={finding} active={finding.key === props.activeKey} description={description(ruleOf(finding))} {...props} />
              ))}
            </div>
          </section>
        ))}
      </div>
      <details className="keyboard-help small">
        <summary>⌨</summary>
        {words.keyboardHelp}
      </details>
    </div>
  );
});

function FindingItem(props: FindingsPanelProps & { finding: Finding; active: boolean; description: string | undefined }) {
  const { finding, words } = props;
  const { message } = finding;
  const suggestions = message.suggestions ?? [];
  const rule = message.ruleId;
  return (
    <div
      role="listitem"
      tabIndex={props.active || (props.activeKey === undefined && props.listed[0]?.key === finding.key) ? 0 : -1}
      className={`finding ${SEVERITY_CLASS[message.severity]}${props.active ? ' active' : ''}`}
      data-testid="finding"
      data-key={finding.key}
      data-rule={rule ?? ENGINE_RULE}
      data-line={message.line}
      data-column={message.column}
      data-severity={message.severity}
      aria-current={props.active ? 'true' : undefined}
      onClick={() => props.onActivate(finding)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) {
          event.preventDefault();
          props.onOpen(finding);
        }
      }}
    >
      <div className="finding-head">
        <span className={`badge ${SEVERITY_CLASS[message.severity]}`}>{words.severity[message.severity]}</span>
        <span className="where" data-testid="where">
          {finding.pdf ? words.pdf.page(finding.pdf.page) : words.line(message.line, message.column)}
        </span>
        {rule ? (
          <button
            type="button"
            className="rule lkip-link"
            data-testid="rule-doc-link"
            title={`${words.ruleDoc.link}: ${rule}`}
            onClick={(event) => {
              event.stopPropagation();
              props.onRuleDoc(rule);
            }}
          >
            {ruleTitle(words, rule, props.description)}
          </button>
        ) : (
          <span className="rule">{words.engine}</span>
        )}
        {finding.unit !== undefined ? <span className="unit">{unitLabel(words, finding.unit)}</span> : null}
      </div>
      <div className="finding-message" data-testid="finding-message">
        {message.message}
      </div>
      {finding.related.length > 0 ? (
        <ul className="lkip-related" aria-label={words.related}>
          {finding.related.map((place, i) => (
            <li key={i}>
              <button
                type="button"
                className="lkip-link"
                data-testid="related"
                title={words.line(place.line, place.column)}
                onClick={(event) => {
                  event.stopPropagation();
                  props.onGoTo(place);
                }}
              >
                {relatedLabel(words, place)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {message.fix || suggestions.length > 0 || (rule && props.editable) ? (
        <div className="finding-actions">
          {message.fix ? (
            <button
              type="button"
              className="fix"
              data-testid="fix"
              disabled={!props.editable}
              title={props.editable ? undefined : props.fixNote}
              onClick={(event) => {
                event.stopPropagation();
                props.onFix(finding);
              }}
            >
              {words.fix}: “{message.fix.text}”
            </button>
          ) : null}
          {suggestions.length > 0 ? (
            <details className="suggestions" data-testid="suggestions" onClick={(event) => event.stopPropagation()}>
              <summary>
                {words.suggestions}
                {suggestions.some((s) => s.messageId === 'reviewFix') ? <span className="standing-mark" title={words.changesStanding}> ⚠</span> : null}
              </summary>
              <div role="menu">
                {suggestions.map((s, i) => (
                  <button
                    key={i}
                    type="button"
                    role="menuitem"
                    data-testid="suggestion"
                    data-kind={s.messageId}
                    disabled={!props.editable}
                    title={props.editable ? undefined : props.fixNote}
                    className={s.messageId === 'reviewFix' ? 'changes-standing' : undefined}
                    onClick={(event) => {
                      (event.currentTarget.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
                      props.onSuggestion(finding, i);
                    }}
                  >
                    {s.desc}
                    {s.messageId === 'reviewFix' ? <span className="standing-note"> — {words.changesStanding}</span> : null}
                  </button>
                ))}
              </div>
            </details>
          ) : null}
          {rule && props.editable ? (
            <button
              type="button"
              className="ignore"
              data-testid="ignore"
              onClick={(event) => {
                event.stopPropagation();
                props.onIgnore(finding);
              }}
            >
              {words.ignore.button}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
