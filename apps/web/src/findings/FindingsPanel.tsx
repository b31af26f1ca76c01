import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Severity } from '@lkip/engine';
import type { UiWords } from '../i18n.ts';
import { ENGINE_RULE, type FacetCounts, type Finding, type FindingFilters, type FindingGroup, type GroupMode, type RelatedPlace } from './model.ts';

export interface FindingsPanelProps {
  words: UiWords;
  total: number;
  /** The title of a group: an indicator's number and name, or the rule id. */
  groupTitle(group: FindingGroup): string;
  groups: readonly FindingGroup[];
  listed: readonly Finding[];
  facets: FacetCounts;
  mode: GroupMode;
  filters: FindingFilters;
  activeKey: string | undefined;
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
}

const SEVERITIES: readonly Severity[] = [2, 1, 0];
const SEVERITY_CLASS: Record<Severity, string> = { 2: 'error', 1: 'warning', 0: 'info' };

/** Memoised: the editor's keystrokes re-render the page's status line, not this list. */
export const FindingsPanel = memo(function FindingsPanel(props: FindingsPanelProps) {
  const { words, filters, facets } = props;
  const listRef = useRef<HTMLDivElement>(null);

  // Keyboard focus follows the active finding, so arrow keys keep working from where it went.
  useEffect(() => {
    const list = listRef.current;
    if (!list || props.activeKey === undefined || !list.contains(document.activeElement)) return;
    const item = list.querySelector<HTMLElement>(`[data-key="${CSS.escape(props.activeKey)}"]`);
    if (item && document.activeElement !== item) item.focus();
  }, [props.activeKey]);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLButtonElement && event.key === 'Enter')) return;
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
          <label>
            {words.groupBy}{' '}
            <select value={props.mode} onChange={(e) => props.onModeChange(e.target.value as GroupMode)} data-testid="group-mode">
              <option value="indicator">{words.byIndicator}</option>
              <option value="rule">{words.byRule}</option>
            </select>
          </label>
          <select aria-label={words.rule} value={filters.rule} onChange={(e) => props.onFiltersChange({ ...filters, rule: e.target.value })} data-testid="filter-rule">
            <option value="">{words.allRules}</option>
            {facets.rules.map(([rule, n]) => (
              <option key={rule} value={rule}>
                {rule} ({n})
              </option>
            ))}
          </select>
          <select aria-label={words.unit} value={filters.unit} onChange={(e) => props.onFiltersChange({ ...filters, unit: e.target.value })} data-testid="filter-unit">
            <option value="">{words.allUnits}</option>
            {facets.units.map(([unit, n]) => (
              <option key={unit} value={unit}>
                {unit} ({n})
              </option>
            ))}
          </select>
        </div>
        <div className="muted small">{words.keyboardHelp}</div>
      </div>

      <div className="findings-list" ref={listRef} role="list" onKeyDown={onListKey}>
        {props.total === 0 ? <p className="empty">{words.noFindings}</p> : props.listed.length === 0 ? <p className="empty">{words.noMatches}</p> : null}
        {props.groups.map((group) => (
          <section key={group.key} className="finding-group" aria-label={props.groupTitle(group)}>
            <h3>
              <span>{props.groupTitle(group)}</span>
              <span className="group-count">{group.findings.length}</span>
            </h3>
            {group.findings.map((finding) => (
              <FindingItem key={finding.key} finding={finding} active={finding.key === props.activeKey} {...props} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
});

function FindingItem(props: FindingsPanelProps & { finding: Finding; active: boolean }) {
  const { finding, words } = props;
  const { message } = finding;
  const suggestions = message.suggestions ?? [];
  return (
    <div
      role="listitem"
      tabIndex={props.active || (props.activeKey === undefined && props.listed[0]?.key === finding.key) ? 0 : -1}
      className={`finding ${SEVERITY_CLASS[message.severity]}${props.active ? ' active' : ''}`}
      data-testid="finding"
      data-key={finding.key}
      data-rule={message.ruleId ?? ENGINE_RULE}
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
        <span className="where">{words.line(message.line, message.column)}</span>
        <span className="rule">{message.ruleId ?? words.engine}</span>
        {message.subject?.unit !== undefined ? <span className="unit">{message.subject.unit}</span> : null}
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
                onClick={(event) => {
                  event.stopPropagation();
                  props.onGoTo(place);
                }}
              >
                {place.message} ({words.line(place.line, place.column)})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {message.fix || suggestions.length > 0 ? (
        <div className="finding-actions">
          {message.fix ? (
            <button
              type="button"
              className="fix"
              data-testid="fix"
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
              <summary>{words.suggestions}</summary>
              <div role="menu">
                {suggestions.map((s, i) => (
                  <button
                    key={i}
                    type="button"
                    role="menuitem"
                    data-testid="suggestion"
                    onClick={(event) => {
                      (event.currentTarget.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
                      props.onSuggestion(finding, i);
                    }}
                  >
                    {s.desc}
                  </button>
                ))}
              </div>
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
