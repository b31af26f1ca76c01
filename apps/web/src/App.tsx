import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { CompareDraft } from './compare/model.ts';
import type { Locale } from '@lkip/engine';
import { DraftEditor } from './editor/draft-editor.ts';
import type { FindingActions } from './editor/diagnostics.ts';
import { docLineIndex } from './editor/line-index.ts';
import { DraftReadError, decodeDraftBytes, encodeDraftText, isDraftName, restoreLineEndings, splitLineEndings, type DraftEncoding, type LineEndings } from './draft/file.ts';
import { offerDownload } from './draft/download.ts';
import { fetchServedDraft, saveServedDraft, serverToken } from './draft/served.ts';
import { FindingsPanel } from './findings/FindingsPanel.tsx';
import {
  ENGINE_RULE,
  NO_FILTERS,
  facets,
  filterFindings,
  groupFindings,
  lineIndexOf,
  listedOrder,
  step,
  toFindings,
  type Finding,
  type FindingFilters,
  type FindingGroup,
  type GroupMode,
  type Span,
} from './findings/model.ts';
import { WORDS } from './i18n.ts';
import { LintScheduler, type LintReply } from './lint/scheduler.ts';
import type { LintJob } from './lint/protocol.ts';
import { indicatorTitle, type IndicatorOverview } from './overview/model.ts';
import { OverviewPanel } from './overview/OverviewPanel.tsx';
import { Toolbar } from './Toolbar.tsx';

type LintStatus = 'idle' | 'linting' | 'ready' | 'error';

interface OpenDraft {
  name: string;
  encoding: DraftEncoding;
  lineEndings: LineEndings;
  /** Set when `lkip view` opened the draft: saving writes it back to that file. */
  token?: string;
  configText?: string;
}

interface LintView {
  findings: Finding[];
  overview: IndicatorOverview[];
  ms: number;
  configError?: string;
}

interface Notice {
  text: string;
  kind: 'info' | 'error';
}

const EMPTY_LINT: LintView = { findings: [], overview: [], ms: 0 };
const LOCALE_KEY = 'lkip.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_KEY);
    if (stored === 'id' || stored === 'en') return stored;
  } catch {
    // Storage can be disabled; the default is fine.
  }
  // The drafts and their editors are Indonesian; English is for everyone else.
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'id';
}

// The comparison pulls in its own chart and matrix code: loaded only when someone compares.
const CompareView = lazy(() => import('./compare/CompareView.tsx').then((m) => ({ default: m.CompareView })));

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const words = WORDS[locale];
  const [draft, setDraft] = useState<OpenDraft | null>(null);
  const [lint, setLint] = useState<LintView>(EMPTY_LINT);
  const [status, setStatus] = useState<LintStatus>('idle');
  const [lintError, setLintError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [tab, setTab] = useState<'findings' | 'overview'>('findings');
  const [mode, setMode] = useState<GroupMode>('indicator');
  const [filters, setFilters] = useState<FindingFilters>(NO_FILTERS);
  const [activeKey, setActiveKey] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [fixing, setFixing] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [comparing, setComparing] = useState<CompareDraft[] | null>(null);
  /** How many lint results have been shown: lets a watcher (or a test) tell a new result from the last. */
  const [results, setResults] = useState(0);

  const hostRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const editorRef = useRef<DraftEditor | null>(null);
  const schedulerRef = useRef<LintScheduler | null>(null);

  const groups = useMemo(() => groupFindings(filterFindings(lint.findings, filters), mode), [lint.findings, filters, mode]);
  const listed = useMemo(() => listedOrder(groups), [groups]);
  const facetCounts = useMemo(() => facets(lint.findings), [lint.findings]);

  // Editor and worker callbacks live outside React's render; they read the latest state here.
  const latest = useRef({ draft, locale, words, listed, activeKey });
  latest.current = { draft, locale, words, listed, activeKey };

  const jobFor = useCallback((localeOverride?: Locale): Omit<LintJob, 'id'> => {
    const { draft: d, locale: l } = latest.current;
    const job: Omit<LintJob, 'id'> = { text: editorRef.current?.text() ?? '', locale: localeOverride ?? l, path: d?.name ?? 'draft.md' };
    if (d?.configText !== undefined) job.configText = d.configText;
    return job;
  }, []);

  const say = useCallback((text: string, kind: Notice['kind'] = 'info') => setNotice({ text, kind }), []);

  const actions = useMemo<FindingActions>(
    () => ({
      get words() {
        return latest.current.words;
      },
      goTo: (place) => editorRef.current?.select(place, true),
      applyFix: (finding) => {
        const fix = finding.message.fix;
        if (fix && !editorRef.current?.applyFix(fix)) say(latest.current.words.figureChanged);
      },
      applySuggestion: (finding, index) => {
        const fix = finding.message.suggestions?.[index]?.fix;
        if (fix && !editorRef.current?.applyFix(fix)) say(latest.current.words.figureChanged);
      },
    }),
    [say],
  );

  const showResult = useCallback(
    (reply: Pick<LintReply, 'messages' | 'overview' | 'ms' | 'configError'>, text?: string) => {
      const editor = editorRef.current;
      if (!editor) return;
      const findings = toFindings(reply.messages, text === undefined ? docLineIndex(editor.view.state.doc) : lineIndexOf(text));
      const view: LintView = { findings, overview: reply.overview, ms: reply.ms };
      if (reply.configError !== undefined) view.configError = reply.configError;
      // Keep the finding the editor was on when it is still there after the re-check.
      const previous = latest.current.listed.find((f) => f.key === latest.current.activeKey);
      const same = previous && findings.find((f) => f.message.ruleId === previous.message.ruleId && f.message.line === previous.message.line && f.message.column === previous.message.column);
      setActiveKey(same?.key);
      setLint(view);
      setLintError(undefined);
      setResults((n) => n + 1);
      return findings;
    },
    [],
  );

  // One editor and one worker for the page's lifetime; a new draft only replaces the editor state.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = new DraftEditor(host, {
      onChange(linted) {
        const scheduler = schedulerRef.current;
        setDirty(true);
        if (!scheduler) return;
        if (linted) {
          // Fix all brought the findings for exactly this text.
          scheduler.invalidate();
          setStatus('ready');
          return;
        }
        scheduler.schedule(() => jobFor());
        setStatus('linting');
      },
    });
    editorRef.current = editor;
    const worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'lkip-lint' });
    schedulerRef.current = new LintScheduler(worker, {
      onResult(reply) {
        const findings = showResult(reply);
        if (findings) editor.showFindings(findings, actions);
        setStatus('ready');
      },
      onError(message) {
        setLintError(message);
        setStatus('error');
      },
    });
    return () => {
      worker.terminate();
      editor.destroy();
      editorRef.current = null;
      schedulerRef.current = null;
    };
  }, [actions, jobFor, showResult]);

  const openText = useCallback(
    (name: string, raw: string, encoding: DraftEncoding, extra: Pick<OpenDraft, 'token' | 'configText'> = {}) => {
      const editor = editorRef.current;
      const scheduler = schedulerRef.current;
      if (!editor || !scheduler) return;
      const { text, lineEndings } = splitLineEndings(raw);
      const opened: OpenDraft = { name, encoding, lineEndings, ...extra };
      latest.current.draft = opened;
      setDraft(opened);
      editor.load(text);
      setLint(EMPTY_LINT);
      setActiveKey(undefined);
      setFilters(NO_FILTERS);
      setDirty(false);
      setNotice(undefined);
      setStatus('linting');
      scheduler.schedule(() => jobFor(), 0);
    },
    [jobFor],
  );

  const openFile = useCallback(
    async (file: File) => {
      if (!isDraftName(file.name)) return say(words.readProblem.type, 'error');
      try {
        const { text, encoding } = decodeDraftBytes(new Uint8Array(await file.arrayBuffer()));
        openText(file.name, text, encoding);
      } catch (error) {
        if (error instanceof DraftReadError) say(error.message === 'binary' ? words.readProblem.binary : words.readProblem.encoding, 'error');
        else say(words.loadFailed(String(error)), 'error');
      }
    },
    [openText, say, words],
  );

  // `lkip view` serves the page with a token: load its draft (and only then offer saving).
  useEffect(() => {
    const token = serverToken(window.location.search);
    if (!token) return;
    let cancelled = false;
    fetchServedDraft(token).then(
      (served) => {
        if (cancelled) return;
        openText(served.name, served.text, served.encoding, { token, ...(served.configText !== undefined ? { configText: served.configText } : {}) });
      },
      (error: unknown) => !cancelled && say(WORDS[latest.current.locale].loadFailed(error instanceof Error ? error.message : String(error)), 'error'),
    );
    return () => {
      cancelled = true;
    };
  }, [openText, say]);

  const openExample = useCallback(async () => {
    // A separate chunk: only those who ask for the example download it.
    const { default: text } = await import('../../../fixtures/ntt-2024/draft.md?raw');
    openText('lkip-bnnp-ntt-2024.md', text, 'utf-8');
  }, [openText]);

  const goToFinding = useCallback((finding: Finding, focusEditor: boolean) => {
    setActiveKey(finding.key);
    editorRef.current?.select(finding, focusEditor);
  }, []);

  const stepFinding = useCallback(
    (direction: 1 | -1, focusEditor: boolean) => {
      const next = step(latest.current.listed, latest.current.activeKey, direction);
      if (next) goToFinding(next, focusEditor);
    },
    [goToFinding],
  );

  // Stable callbacks: the findings panel is memoised, so a keystroke (which only changes the
  // status line) does not re-render hundreds of findings.
  const groupTitle = useCallback(
    (group: FindingGroup) =>
      group.label === undefined ? words.noIndicator : mode === 'rule' ? (group.label === ENGINE_RULE ? words.engine : group.label) : indicatorTitle(group.label, lint.overview),
    [words, mode, lint.overview],
  );
  const activate = useCallback((finding: Finding) => goToFinding(finding, false), [goToFinding]);
  const open = useCallback((finding: Finding) => goToFinding(finding, true), [goToFinding]);
  const stepInList = useCallback((direction: 1 | -1) => stepFinding(direction, false), [stepFinding]);
  const goToSpan = useCallback((span: Span) => editorRef.current?.select(span, true), []);

  // F8 / Shift+F8 anywhere, as in code editors; from the editor the cursor stays in the editor.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F8' || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const inPanel = panelRef.current?.contains(document.activeElement) ?? false;
      stepFinding(event.shiftKey ? -1 : 1, !inPanel);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepFinding]);

  // Leaving with unsaved fixes loses them; browsers show their own wording for this prompt.
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [dirty]);

  // A file dropped outside the page's drop zone must not replace the viewer with the raw file.
  useEffect(() => {
    const block = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);

  const changeLocale = (next: Locale) => {
    setLocale(next);
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Not remembered; still switched.
    }
    if (draft && schedulerRef.current) {
      setStatus('linting');
      schedulerRef.current.schedule(() => jobFor(next), 0);
    }
  };

  const fixAll = async () => {
    const editor = editorRef.current;
    const scheduler = schedulerRef.current;
    if (!editor || !scheduler || !draft) return;
    setFixing(true);
    setStatus('linting');
    try {
      const reply = await scheduler.fixAll(jobFor());
      if (!reply) return say(words.fixAllStale);
      if (!reply.fixed) {
        const findings = showResult(reply);
        if (findings) editor.showFindings(findings, actions);
        setStatus('ready');
        return say(words.fixAllNone);
      }
      const findings = showResult(reply, reply.output);
      const changed = editor.replaceWithFixed(reply.output, findings ?? [], actions);
      say(words.fixedCount(changed));
    } finally {
      setFixing(false);
    }
  };

  const download = () => {
    const editor = editorRef.current;
    if (!editor || !draft) return;
    offerDownload(draft.name, encodeDraftText(restoreLineEndings(editor.text(), draft.lineEndings), draft.encoding));
    // Downloaded is kept, for a draft opened from a file; one opened by `lkip view` is kept by saving.
    if (draft.token === undefined) setDirty(false);
  };

  const save = async () => {
    const editor = editorRef.current;
    if (!editor || !draft?.token) return;
    setSaving(true);
    try {
      await saveServedDraft(draft.token, restoreLineEndings(editor.text(), draft.lineEndings));
      setDirty(false);
      say(words.saved);
    } catch (error) {
      say(words.saveFailed(error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      setSaving(false);
    }
  };

  const openComparison = useCallback(
    async (files: File[]) => {
      const drafts: CompareDraft[] = [];
      for (const file of files) {
        if (!isDraftName(file.name)) continue;
        try {
          drafts.push({ file: file.name, text: decodeDraftBytes(new Uint8Array(await file.arrayBuffer())).text });
        } catch {
          say(words.readProblem.encoding, 'error');
        }
      }
      setComparing(drafts);
    },
    [say, words],
  );

  const openFromComparison = useCallback(
    (file: string, line: number, column: number) => {
      const draft = comparing?.find((d) => d.file === file);
      if (!draft) return;
      setComparing(null);
      openText(file, draft.text, 'utf-8');
      editorRef.current?.selectAt(line, column, true);
    },
    [comparing, openText],
  );

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void openFile(file);
  };

  const fixable = lint.findings.some((f) => f.message.fix);
  const statusText =
    status === 'idle' ? words.status.idle : status === 'linting' ? words.status.linting : status === 'error' ? words.status.error(lintError ?? '') : words.status.ready(lint.ms);

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        if (!dragging) setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Toolbar
        words={words}
        locale={locale}
        hasDraft={draft !== null}
        canSave={draft?.token !== undefined}
        dirty={dirty}
        saving={saving}
        fixAllEnabled={draft !== null && !fixing && !(status === 'ready' && !fixable)}
        onPick={(file) => void openFile(file)}
        onCompare={(files) => void openComparison(files)}
        onExample={() => void openExample()}
        onFixAll={() => void fixAll()}
        onDownload={download}
        onSave={() => void save()}
        onLocale={changeLocale}
      />

      {notice || lint.configError !== undefined ? (
        <div className={`notice ${notice?.kind ?? 'error'}`} role="status" data-testid="notice">
          {notice?.text ?? words.configProblem(lint.configError ?? '')}
          {notice ? (
            <button type="button" className="close" aria-label="×" onClick={() => setNotice(undefined)}>
              ×
            </button>
          ) : null}
        </div>
      ) : null}

      {comparing ? (
        <section className="compare-pane" data-testid="compare" aria-label={words.compareTitle}>
          <header>
            <h2>{words.compareTitle}</h2>
            <button type="button" data-testid="close-compare" onClick={() => setComparing(null)}>
              {words.closeCompare}
            </button>
          </header>
          <Suspense fallback={<p className="muted">…</p>}>
            <CompareView documents={comparing} locale={locale} onOpenFinding={openFromComparison} />
          </Suspense>
        </section>
      ) : null}

      <main className="workspace">
        <section className="editor-pane" aria-label={draft?.name ?? words.emptyTitle}>
          <div className="editor-host" ref={hostRef} />
          {!draft ? (
            <div className="empty-state">
              <h2>{words.emptyTitle}</h2>
              <p>{words.emptyBody}</p>
              <p className="muted">{words.dropHint}</p>
            </div>
          ) : null}
          {dragging ? <div className="drop-overlay">{words.dropHint}</div> : null}
        </section>
        <aside className="side" ref={panelRef}>
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'findings'} onClick={() => setTab('findings')} data-testid="tab-findings">
              {words.findingsTab} ({lint.findings.length})
            </button>
            <button type="button" role="tab" aria-selected={tab === 'overview'} onClick={() => setTab('overview')} data-testid="tab-overview">
              {words.overviewTab}
            </button>
          </div>
          <div className="tab-body" role="tabpanel">
            {tab === 'findings' ? (
              <FindingsPanel
                words={words}
                total={lint.findings.length}
                groupTitle={groupTitle}
                groups={groups}
                listed={listed}
                facets={facetCounts}
                mode={mode}
                filters={filters}
                activeKey={activeKey}
                onModeChange={setMode}
                onFiltersChange={setFilters}
                onActivate={activate}
                onOpen={open}
                onStep={stepInList}
                onFix={actions.applyFix}
                onSuggestion={actions.applySuggestion}
                onGoTo={actions.goTo}
              />
            ) : (
              <OverviewPanel words={words} overview={lint.overview} onGoTo={goToSpan} />
            )}
          </div>
        </aside>
      </main>

      <footer className="statusbar">
        <span data-testid="lint-status" data-state={status} data-results={results} className={`lint-status ${status}`} aria-live="polite">
          {statusText}
        </span>
        {draft ? <span data-testid="file-name">{draft.token ? words.served(draft.name) : draft.name}</span> : null}
        {draft?.token && dirty ? <span>{words.unsaved}</span> : null}
        <span className="spacer" />
        <span className="muted">{words.privacy}</span>
      </footer>
    </div>
  );
}
