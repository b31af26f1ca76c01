import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Locale } from '@lkip/engine';
import { draftKeys, type CompareDraft } from './compare/keys.ts';
import { ConflictDialog } from './dialogs/ConflictDialog.tsx';
import { FixAllDialog, previewChanges, type PreviewChange } from './dialogs/FixAllDialog.tsx';
import { IgnoreDialog } from './dialogs/IgnoreDialog.tsx';
import { ReplaceDialog, type ReplaceChoice } from './dialogs/ReplaceDialog.tsx';
import { RuleDocDialog } from './dialogs/RuleDocDialog.tsx';
import { DraftEditor } from './editor/draft-editor.ts';
import type { FindingActions } from './editor/diagnostics.ts';
import { docLineIndex } from './editor/line-index.ts';
import { textChanges } from './editor/text-diff.ts';
import {
  ACCEPT,
  DraftReadError,
  MAX_DRAFT_BYTES,
  decodeDraftBytes,
  describeSize,
  downloadName,
  encodeDraftText,
  isDocxName,
  isDraftName,
  isPdfName,
  restoreLineEndings,
  sizeLimitOf,
  splitLineEndings,
  type DraftEncoding,
  type LineEndings,
} from './draft/file.ts';
import { offerDownload } from './draft/download.ts';
import { takeLintWorker, takeServedDraft } from './boot.ts';
import { LOCALE_KEY, initialLocale } from './locale.ts';
import { fetchServedBytes, saveServedDraft, serverToken, type DiskVersion } from './draft/served.ts';
import { FindingsPanel, type PanelState } from './findings/FindingsPanel.tsx';
import {
  ENGINE_RULE,
  NO_FILTERS,
  facets,
  filterFindings,
  groupFindings,
  lineIndexOf,
  listedOrder,
  step,
  stepFromCursor,
  toFindings,
  type Finding,
  type FindingFilters,
  type FindingGroup,
  type GroupMode,
  type Span,
} from './findings/model.ts';
import { WORDS, ruleTitle } from './i18n.ts';
import { LintScheduler, type FixAllReply, type LintReply } from './lint/scheduler.ts';
import type { DraftState, LintJob, PdfPlace, PdfRead, RuleInfo } from './lint/protocol.ts';
import type { PdfViewHandle } from './pdf/PdfView.tsx';
import { placeAt, placeFindings } from './pdf/places.ts';
import { indicatorTitle, type IndicatorOverview } from './overview/model.ts';
import { Toolbar } from './Toolbar.tsx';

type LintStatus = 'idle' | 'linting' | 'ready' | 'error';

interface OpenDraft {
  name: string;
  /**
   * `docx`: a Word document shown as the Markdown the reader makes of it (downloaded as .md,
   * never saved back); `pdf`: a PDF, its pages drawn by pdf.js, its Markdown linted, never fixed.
   */
  kind: 'text' | 'docx' | 'pdf';
  /** For a PDF: its bytes (to draw the pages) and what the reader made of it. */
  pdf?: { bytes: ArrayBuffer } & Pick<PdfRead, 'pageSizes' | 'locations'>;
  encoding: DraftEncoding;
  lineEndings: LineEndings;
  /** Set when `lkip view` opened the draft: saving writes it back to that file. */
  token?: string;
  /** The file's version on disk the editor's last saved text matches (a save names it). */
  version?: string;
  maxBytes?: number;
  configText?: string;
  /** The text (LF) as opened or last saved or downloaded: anything else is unsaved work. */
  savedText: string;
}

interface LintView {
  findings: Finding[];
  overview: IndicatorOverview[];
  ms: number;
  state: DraftState;
  stateDetail?: string;
  rules: RuleInfo[];
  configError?: string;
}

interface Notice {
  text: string;
  kind: 'info' | 'error';
}

type OpenDialog =
  | { kind: 'replace'; name: string; canSave: boolean; resolve(choice: ReplaceChoice): void }
  | { kind: 'conflict'; disk: DiskVersion; mine: string }
  | { kind: 'fix-preview'; base: string; reply: FixAllReply; changes: PreviewChange[] }
  | { kind: 'ignore'; finding: Finding }
  | { kind: 'rule-doc'; ruleId: string };

const EMPTY_LINT: LintView = { findings: [], overview: [], ms: 0, state: 'lkip', rules: [] };
// The comparison pulls in its own matrix code: loaded only when someone compares.
const CompareView = lazy(() => import('./compare/CompareView.tsx').then((m) => ({ default: m.CompareView })));
// The overview brings chart.js, a third of the page's code: loaded when its tab is first opened.
const OverviewPanel = lazy(() => import('./overview/OverviewPanel.tsx').then((m) => ({ default: m.OverviewPanel })));
// pdf.js draws PDF pages: loaded with the first PDF.
const PdfView = lazy(() => import('./pdf/PdfView.tsx').then((m) => ({ default: m.PdfView })));

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
  const [ignoring, setIgnoring] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [comparing, setComparing] = useState<CompareDraft[] | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>();
  /** How many lint results have been shown: lets a watcher (or a test) tell a new result from the last. */
  const [results, setResults] = useState(0);
  /** The worker job whose findings are shown (1 for the lint boot.ts posted for a served draft): for the benchmark and tests. */
  const [resultJob, setResultJob] = useState(0);

  const hostRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const editorRef = useRef<DraftEditor | null>(null);
  const pdfRef = useRef<PdfViewHandle | null>(null);
  const schedulerRef = useRef<LintScheduler | null>(null);
  /** The served draft's first lint, posted by boot.ts before the page was up (its findings are on their way). */
  const earlyLintRef = useRef<LintJob | undefined>(undefined);

  const filtered = useMemo(() => filterFindings(lint.findings, filters), [lint.findings, filters]);
  const groups = useMemo(() => groupFindings(filtered, mode), [filtered, mode]);
  const listed = useMemo(() => listedOrder(groups), [groups]);
  const facetCounts = useMemo(() => facets(lint.findings), [lint.findings]);

  // Editor and worker callbacks live outside React's render; they read the latest state here.
  const latest = useRef({ draft, locale, words, listed, activeKey, comparing });
  latest.current = { draft, locale, words, listed, activeKey, comparing };

  const jobFor = useCallback((localeOverride?: Locale): Omit<LintJob, 'id'> => {
    const { draft: d, locale: l } = latest.current;
    const job: Omit<LintJob, 'id'> = { text: editorRef.current?.text() ?? '', locale: localeOverride ?? l, path: d?.name ?? 'draft.md' };
    if (d?.configText !== undefined) job.configText = d.configText;
    return job;
  }, []);

  const say = useCallback((text: string, kind: Notice['kind'] = 'info') => setNotice({ text, kind }), []);

  const setOpenDraft = useCallback((next: OpenDraft | null) => {
    latest.current.draft = next;
    setDraft(next);
  }, []);

  const actions = useMemo<FindingActions>(
    () => ({
      get words() {
        return latest.current.words;
      },
      goTo: (place) => (place.pdf && latest.current.draft?.kind === 'pdf' ? pdfRef.current?.show(place.pdf, true) : editorRef.current?.select(place, true)),
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

  const showResult = useCallback((reply: Pick<LintReply, 'messages' | 'overview' | 'ms' | 'configError' | 'state' | 'stateDetail' | 'units' | 'rules'>, text?: string) => {
    const editor = editorRef.current;
    if (!editor) return;
    const index = text === undefined ? docLineIndex(editor.view.state.doc) : lineIndexOf(text);
    const read = toFindings(reply.messages, index, reply.units);
    // A PDF's findings also get their page and box (their offsets are in the PDF's Markdown).
    const pdf = latest.current.draft?.pdf;
    const findings = pdf ? placeFindings(read, pdf.locations, index, latest.current.words.pdf.page) : read;
    const view: LintView = { findings, overview: reply.overview, ms: reply.ms, state: reply.state, rules: reply.rules };
    if (reply.stateDetail !== undefined) view.stateDetail = reply.stateDetail;
    if (reply.configError !== undefined) view.configError = reply.configError;
    // Keep the finding the editor was on when it is still there after the re-check.
    const previous = latest.current.listed.find((f) => f.key === latest.current.activeKey);
    const same = previous && findings.find((f) => f.message.ruleId === previous.message.ruleId && f.message.line === previous.message.line && f.message.column === previous.message.column);
    setActiveKey(same?.key);
    setLint(view);
    setLintError(undefined);
    setResults((n) => n + 1);
    return findings;
  }, []);

  // One editor and one worker for the page's lifetime; a new draft only replaces the editor state.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = new DraftEditor(
      host,
      {
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
      },
      WORDS[latest.current.locale].editorLabel,
    );
    editorRef.current = editor;
    const { worker, early } = takeLintWorker();
    schedulerRef.current = new LintScheduler(worker, {
      onResult(reply) {
        const findings = showResult(reply);
        if (findings) editor.showFindings(findings, actions);
        setResultJob(reply.id);
        setStatus('ready');
      },
      onError(message) {
        setLintError(message);
        setStatus('error');
      },
    });
    if (early) {
      schedulerRef.current.adopt(early);
      earlyLintRef.current = early;
    }
    return () => {
      earlyLintRef.current = undefined;
      worker.terminate();
      editor.destroy();
      editorRef.current = null;
      schedulerRef.current = null;
    };
  }, [actions, jobFor, showResult]);

  const openText = useCallback(
    (name: string, raw: string, encoding: DraftEncoding, extra: Partial<Pick<OpenDraft, 'token' | 'configText' | 'version' | 'maxBytes' | 'kind' | 'pdf'>> = {}) => {
      const editor = editorRef.current;
      const scheduler = schedulerRef.current;
      if (!editor || !scheduler) return;
      const { text, lineEndings } = splitLineEndings(raw);
      setOpenDraft({ name, kind: 'text', encoding, lineEndings, savedText: text, ...extra });
      editor.load(text);
      setLint(EMPTY_LINT);
      setActiveKey(undefined);
      setFilters(NO_FILTERS);
      setDirty(false);
      setNotice(undefined);
      setStatus('linting');
      const early = earlyLintRef.current;
      earlyLintRef.current = undefined;
      const job = jobFor();
      // The worker may already be reading exactly this draft (boot.ts posted it): wait for that.
      if (early && early.text === job.text && early.path === job.path && early.locale === job.locale && early.configText === job.configText) return;
      scheduler.schedule(() => jobFor(), 0);
    },
    [jobFor, setOpenDraft],
  );

  /**
   * Before anything replaces the draft: if it holds unsaved work, ask (save, discard, cancel).
   * Resolves true when the draft may be replaced.
   */
  const confirmReplace = useCallback(async (): Promise<boolean> => {
    const d = latest.current.draft;
    const editor = editorRef.current;
    if (!d || !editor || editor.text() === d.savedText) return true;
    const canSave = d.token !== undefined && d.kind === 'text';
    const choice = await new Promise<ReplaceChoice>((resolve) => setDialog({ kind: 'replace', name: d.name, canSave, resolve }));
    setDialog(undefined);
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    if (canSave) return saveRef.current(editor.text());
    downloadRef.current();
    return true;
  }, []);

  /** Writes `text` back to the file `lkip view` opened, if the file is still `version` on disk. */
  const save = useCallback(
    async (text: string, version?: string | null): Promise<boolean> => {
      const editor = editorRef.current;
      const d = latest.current.draft;
      const w = latest.current.words;
      if (!editor || !d?.token || d.kind !== 'text' || d.version === undefined) return false;
      const body = restoreLineEndings(text, d.lineEndings);
      const size = encodeDraftText(body, d.encoding).length;
      const limit = d.maxBytes ?? MAX_DRAFT_BYTES;
      if (size > limit) {
        say(w.saveFailed(w.readProblem.tooLarge(describeSize(size), describeSize(limit))), 'error');
        return false;
      }
      setSaving(true);
      try {
        const outcome = await saveServedDraft(d.token, body, version === undefined ? d.version : version);
        if (!outcome.saved) {
          setDialog({ kind: 'conflict', disk: outcome.disk, mine: editor.text() });
          return false;
        }
        const current = latest.current.draft;
        if (current) setOpenDraft({ ...current, version: outcome.version, savedText: text });
        setDirty(editor.text() !== text);
        say(w.saved);
        return true;
      } catch (error) {
        say(w.saveFailed(error instanceof Error ? error.message : String(error)), 'error');
        return false;
      } finally {
        setSaving(false);
      }
    },
    [say, setOpenDraft],
  );
  const saveRef = useRef(save);
  saveRef.current = save;

  const download = useCallback(() => {
    const editor = editorRef.current;
    const d = latest.current.draft;
    if (!editor || !d) return;
    const text = editor.text();
    offerDownload(downloadName(d.name), encodeDraftText(restoreLineEndings(text, d.lineEndings), d.encoding));
    // Downloaded is kept, for a draft opened from a file; one opened by `lkip view` is kept by saving.
    if (d.token === undefined || d.kind !== 'text') {
      setOpenDraft({ ...d, savedText: text });
      setDirty(false);
    }
  }, [setOpenDraft]);
  const downloadRef = useRef(download);
  downloadRef.current = download;

  const openDocx = useCallback(
    async (name: string, bytes: ArrayBuffer, extra: Partial<Pick<OpenDraft, 'token' | 'configText' | 'version'>> = {}) => {
      const scheduler = schedulerRef.current;
      const w = latest.current.words;
      if (!scheduler) return;
      setStatus('linting');
      try {
        const { markdown } = await scheduler.readDocx(bytes, latest.current.locale);
        const size = new TextEncoder().encode(markdown).length;
        if (size > MAX_DRAFT_BYTES) return say(w.readProblem.tooLarge(describeSize(size), describeSize(MAX_DRAFT_BYTES)), 'error');
        openText(name, markdown, 'utf-8', { ...extra, kind: 'docx' });
        say(w.docxShown(name));
      } catch (error) {
        setStatus(latest.current.draft ? 'ready' : 'idle');
        say(w.readProblem.docx(error instanceof Error ? error.message : String(error)), 'error');
      }
    },
    [openText, say],
  );

  const openPdf = useCallback(
    async (name: string, bytes: ArrayBuffer, extra: Partial<Pick<OpenDraft, 'token' | 'configText' | 'version'>> = {}) => {
      const scheduler = schedulerRef.current;
      const w = latest.current.words;
      if (!scheduler) return;
      setStatus('linting');
      // The worker takes the bytes it reads; the pages are drawn from a copy.
      const pages = bytes.slice(0);
      try {
        const read = await scheduler.readPdf(bytes, latest.current.locale);
        const size = new TextEncoder().encode(read.markdown).length;
        if (size > MAX_DRAFT_BYTES) return say(w.readProblem.tooLarge(describeSize(size), describeSize(MAX_DRAFT_BYTES)), 'error');
        openText(name, read.markdown, 'utf-8', { ...extra, kind: 'pdf', pdf: { bytes: pages, pageSizes: read.pageSizes, locations: read.locations } });
        say(w.pdf.shown(name) + (read.pagesWithoutText.length > 0 ? w.pdf.noTextPages(read.pagesWithoutText.join(', ')) : ''));
      } catch (error) {
        setStatus(latest.current.draft ? 'ready' : 'idle');
        say(w.pdf.problem(error instanceof Error ? error.message : String(error)), 'error');
      }
    },
    [openText, say],
  );

  const openFile = useCallback(
    async (file: File) => {
      const w = latest.current.words;
      if (!isDraftName(file.name)) return say(w.readProblem.type, 'error');
      const limit = sizeLimitOf(file.name);
      if (file.size > limit) return say(w.readProblem.tooLarge(describeSize(file.size), describeSize(limit)), 'error');
      if (!(await confirmReplace())) return;
      try {
        const bytes = await file.arrayBuffer();
        if (isDocxName(file.name)) return await openDocx(file.name, bytes);
        if (isPdfName(file.name)) return await openPdf(file.name, bytes);
        const { text, encoding } = decodeDraftBytes(new Uint8Array(bytes));
        openText(file.name, text, encoding);
      } catch (error) {
        if (error instanceof DraftReadError) say(error.message === 'binary' ? w.readProblem.binary : w.readProblem.encoding, 'error');
        else say(w.loadFailed(String(error)), 'error');
      }
    },
    [confirmReplace, openDocx, openPdf, openText, say],
  );

  // `lkip view` serves the page with a token: load its draft (and only then offer saving).
  useEffect(() => {
    const token = serverToken(window.location.search);
    if (!token) return;
    let cancelled = false;
    const failed = (error: unknown) => !cancelled && say(WORDS[latest.current.locale].loadFailed(error instanceof Error ? error.message : String(error)), 'error');
    takeServedDraft(token).then(async (served) => {
      if (cancelled) return;
      const extra = { token, version: served.version, ...(served.configText !== undefined ? { configText: served.configText } : {}), ...(served.maxBytes !== undefined ? { maxBytes: served.maxBytes } : {}) };
      if (served.kind === 'docx' || served.kind === 'pdf') {
        const bytes = await fetchServedBytes(token);
        if (!cancelled) await (served.kind === 'pdf' ? openPdf : openDocx)(served.name, bytes, extra);
      } else if (served.text !== undefined) {
        openText(served.name, served.text, served.encoding, extra);
      }
    }, failed);
    return () => {
      cancelled = true;
    };
  }, [openDocx, openPdf, openText, say]);

  const openExample = useCallback(async () => {
    if (!(await confirmReplace())) return;
    // A separate chunk: only those who ask for the example download it.
    const { default: text } = await import('../../../fixtures/ntt-2024/draft.md?raw');
    openText('lkip-bnnp-ntt-2024.md', text, 'utf-8');
  }, [confirmReplace, openText]);

  const goToFinding = useCallback((finding: Finding, focusEditor: boolean) => {
    setActiveKey(finding.key);
    if (finding.pdf && latest.current.draft?.kind === 'pdf') pdfRef.current?.show(finding.pdf);
    else editorRef.current?.select(finding, focusEditor);
  }, []);

  const stepFinding = useCallback(
    (direction: 1 | -1, fromEditor: boolean) => {
      const editor = editorRef.current;
      const { listed: order, activeKey: active } = latest.current;
      let next: Finding | undefined;
      if (fromEditor && editor && latest.current.draft?.kind !== 'pdf') {
        // As in VS Code: from the cursor, in the order of the text.
        const { from, head } = editor.view.state.selection.main;
        next = stepFromCursor(order, active, { from, head }, direction, (f) => editor.current(f)?.from ?? f.from);
      } else {
        next = step(order, active, direction);
      }
      if (next) goToFinding(next, fromEditor);
    },
    [goToFinding],
  );

  // Stable callbacks: the findings panel is memoised, so a keystroke (which only changes the
  // status line) does not re-render hundreds of findings.
  const groupTitle = useCallback(
    (group: FindingGroup) =>
      group.label === undefined
        ? words.noIndicator
        : mode === 'rule'
          ? group.label === ENGINE_RULE
            ? words.engine
            : ruleTitle(words, group.label, lint.rules.find((r) => r.id === group.label)?.description)
          : indicatorTitle(group.label, lint.overview),
    [words, mode, lint.overview, lint.rules],
  );
  const activate = useCallback((finding: Finding) => goToFinding(finding, false), [goToFinding]);
  const open = useCallback((finding: Finding) => goToFinding(finding, true), [goToFinding]);
  const stepInList = useCallback((direction: 1 | -1) => stepFinding(direction, false), [stepFinding]);
  const goToSpan = useCallback((span: Span) => {
    const pdf = latest.current.draft?.pdf;
    const place = pdf ? placeAt(pdf.locations, span.from) : undefined;
    if (place) pdfRef.current?.show(place, true);
    else editorRef.current?.select(span, true);
  }, []);
  const activateKey = useCallback((key: string) => {
    const finding = latest.current.listed.find((f) => f.key === key);
    if (finding) goToFinding(finding, false);
  }, [goToFinding]);
  const askIgnore = useCallback((finding: Finding) => setDialog({ kind: 'ignore', finding }), []);
  const showRuleDoc = useCallback((ruleId: string) => setDialog({ kind: 'rule-doc', ruleId }), []);

  // F8 / Shift+F8 anywhere, as in code editors; Ctrl+S saves (or downloads).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        const d = latest.current.draft;
        const editor = editorRef.current;
        if (!d || !editor) return;
        if (d.token !== undefined && d.kind === 'text') void saveRef.current(editor.text());
        else downloadRef.current();
        return;
      }
      if (event.key !== 'F8' || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      const inPanel = panelRef.current?.contains(document.activeElement) ?? false;
      stepFinding(event.shiftKey ? -1 : 1, !inPanel);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepFinding]);

  // Leaving with unsaved work loses it; browsers show their own wording for this prompt.
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (event: BeforeUnloadEvent) => {
      const d = latest.current.draft;
      if (d && editorRef.current?.text() !== d.savedText) event.preventDefault();
    };
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
      const base = editor.text();
      const reply = await scheduler.fixAll(jobFor());
      if (!reply || editor.text() !== base) return say(words.fixAllStale);
      if (!reply.fixed) {
        const findings = showResult(reply);
        if (findings) editor.showFindings(findings, actions);
        return say(words.fixAllNone);
      }
      // Nothing is changed before the editor has seen every change.
      setDialog({ kind: 'fix-preview', base, reply, changes: previewChanges(base, textChanges(base, reply.output)) });
    } finally {
      setFixing(false);
      setStatus('ready');
    }
  };

  const applyFixAll = (base: string, reply: FixAllReply) => {
    const editor = editorRef.current;
    setDialog(undefined);
    if (!editor) return;
    if (editor.text() !== base) return say(words.fixAllStale);
    const findings = showResult(reply, reply.output);
    const changed = editor.replaceWithFixed(reply.output, findings ?? [], actions);
    say(words.fixedCount(changed));
  };

  const ignore = async (finding: Finding, reason: string) => {
    const editor = editorRef.current;
    const scheduler = schedulerRef.current;
    const ruleId = finding.message.ruleId;
    if (!editor || !scheduler || !ruleId) return;
    setIgnoring(true);
    try {
      const job = jobFor();
      const reply = await scheduler.ignore(job, { ruleId, line: finding.message.line, column: finding.message.column, message: finding.message.message }, reason);
      setDialog(undefined);
      if (!reply.edit) return say(reply.error === 'gone' ? words.ignore.stale : words.ignore.failed, 'error');
      if (!editor.applyEdit(job.text, reply.edit)) return say(words.ignore.stale, 'error');
      say(words.ignore.done);
    } catch (error) {
      setDialog(undefined);
      say(words.loadFailed(error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      setIgnoring(false);
    }
  };

  const openComparison = useCallback(
    async (files: File[]) => {
      const scheduler = schedulerRef.current;
      const w = latest.current.words;
      const usable = files.filter((f) => isDraftName(f.name) && f.size <= sizeLimitOf(f.name));
      const keys = draftKeys(usable.map((f) => ({ name: f.name, path: f.webkitRelativePath })));
      const drafts: CompareDraft[] = [];
      for (const [i, file] of usable.entries()) {
        try {
          const bytes = await file.arrayBuffer();
          const text =
            isDocxName(file.name) && scheduler
              ? (await scheduler.readDocx(bytes, latest.current.locale)).markdown
              : isPdfName(file.name) && scheduler
                ? (await scheduler.readPdf(bytes, latest.current.locale)).markdown
                : decodeDraftBytes(new Uint8Array(bytes)).text;
          drafts.push({ key: keys[i] ?? file.name, name: file.name, text });
        } catch (error) {
          say(`${file.name}: ${error instanceof DraftReadError ? w.readProblem.encoding : String(error)}`, 'error');
        }
      }
      setComparing(drafts);
    },
    [say],
  );

  const openFromComparison = useCallback(
    async (key: string, line: number, column: number) => {
      const chosen = latest.current.comparing?.find((d) => d.key === key);
      if (!chosen || !(await confirmReplace())) return;
      setComparing(null);
      openText(chosen.name, chosen.text, 'utf-8');
      editorRef.current?.selectAt(line, column, true);
    },
    [confirmReplace, openText],
  );

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void openFile(file);
  };

  const panelState: PanelState = draft === null ? 'none' : lint.state;
  const isPdf = draft?.kind === 'pdf';
  const pdfBoxes = useMemo(
    () => filtered.flatMap((f) => (f.pdf ? [{ key: f.key, place: f.pdf as PdfPlace, severity: f.message.severity, label: f.message.message }] : [])),
    [filtered],
  );
  const fixable = lint.findings.some((f) => f.message.fix);
  const statusText =
    status === 'idle'
      ? words.status.idle
      : status === 'linting'
        ? words.status.linting
        : status === 'error'
          ? words.status.error(lintError ?? '')
          : lint.state === 'not-lkip'
            ? words.status.notLkip
            : lint.state === 'empty'
              ? words.status.empty
              : lint.state === 'unreadable'
                ? words.status.unreadable
                : words.status.ready(lint.ms);
  const canSave = draft?.token !== undefined && draft.kind === 'text';

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
        hasText={draft !== null && !isPdf}
        canSave={canSave}
        dirty={dirty}
        saving={saving}
        fixAllEnabled={draft !== null && !isPdf && !fixing && !(status === 'ready' && !fixable)}
        onPick={(file) => void openFile(file)}
        onCompare={(files) => void openComparison(files)}
        onExample={() => void openExample()}
        onFind={() => editorRef.current?.openSearch()}
        onGoToLine={() => editorRef.current?.goToLinePrompt()}
        onFixAll={() => void fixAll()}
        onDownload={download}
        onSave={() => editorRef.current && void save(editorRef.current.text())}
        onLocale={changeLocale}
      />

      {notice || lint.configError !== undefined ? (
        <div className={`notice ${notice?.kind ?? 'error'}`} role="status" data-testid="notice">
          <span>{notice?.text ?? words.configProblem(lint.configError ?? '')}</span>
          {notice ? (
            <button type="button" className="close" aria-label={words.ruleDoc.close} onClick={() => setNotice(undefined)}>
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
            <CompareView documents={comparing} locale={locale} onOpenFinding={(key, line, column) => void openFromComparison(key, line, column)} />
          </Suspense>
        </section>
      ) : null}

      <main className="workspace" hidden={comparing !== null}>
        <section className="editor-pane" aria-label={draft?.name ?? words.emptyTitle}>
          <div className="editor-host" ref={hostRef} hidden={isPdf} />
          {isPdf && draft.pdf ? (
            <Suspense fallback={<p className="muted">…</p>}>
              <PdfView
                ref={pdfRef}
                bytes={draft.pdf.bytes}
                pageSizes={draft.pdf.pageSizes}
                boxes={pdfBoxes}
                activeKey={activeKey}
                onActivate={activateKey}
                label={words.pdf.label(draft.name)}
                pageLabel={words.pdf.page}
              />
            </Suspense>
          ) : null}
          {!draft ? (
            <div className="empty-state" data-testid="empty-state">
              <h2>{words.emptyTitle}</h2>
              <p>{words.emptyBody}</p>
              <div className="empty-actions">
                <label className="button primary">
                  {words.open}
                  <input
                    type="file"
                    data-testid="empty-open"
                    accept={ACCEPT}
                    onChange={(event) => {
                      const file = event.target.files?.[0];
                      event.target.value = '';
                      if (file) void openFile(file);
                    }}
                  />
                </label>
                <button type="button" onClick={() => void openExample()} data-testid="empty-example">
                  {words.example}
                </button>
              </div>
              <p className="muted">{words.dropHint}</p>
            </div>
          ) : null}
          {dragging ? <div className="drop-overlay">{words.dropHint}</div> : null}
        </section>
        <aside className="side" ref={panelRef} aria-label={words.findingsTab}>
          <div className="tabs" role="tablist">
            <button type="button" role="tab" id="tab-findings" aria-controls="tab-body" aria-selected={tab === 'findings'} onClick={() => setTab('findings')} data-testid="tab-findings">
              {words.findingsTab} ({lint.findings.length})
            </button>
            <button type="button" role="tab" id="tab-overview" aria-controls="tab-body" aria-selected={tab === 'overview'} onClick={() => setTab('overview')} data-testid="tab-overview">
              {words.overviewTab}
            </button>
          </div>
          <div className="tab-body" role="tabpanel" id="tab-body" aria-labelledby={tab === 'findings' ? 'tab-findings' : 'tab-overview'}>
            {tab === 'findings' ? (
              <FindingsPanel
                words={words}
                state={panelState}
                stateDetail={lint.stateDetail}
                total={lint.findings.length}
                groupTitle={groupTitle}
                groups={groups}
                listed={listed}
                facets={facetCounts}
                rules={lint.rules}
                mode={mode}
                filters={filters}
                activeKey={activeKey}
                editable={draft !== null && !isPdf}
                fixNote={isPdf ? words.pdf.noFix : undefined}
                onModeChange={setMode}
                onFiltersChange={setFilters}
                onActivate={activate}
                onOpen={open}
                onStep={stepInList}
                onFix={actions.applyFix}
                onSuggestion={actions.applySuggestion}
                onGoTo={actions.goTo}
                onIgnore={askIgnore}
                onRuleDoc={showRuleDoc}
              />
            ) : (
              <Suspense fallback={<p className="muted">…</p>}>
                <OverviewPanel words={words} overview={lint.overview} onGoTo={goToSpan} />
              </Suspense>
            )}
          </div>
        </aside>
      </main>

      <footer className="statusbar">
        <span data-testid="lint-status" data-state={status} data-draft-state={draft ? lint.state : 'none'} data-results={results} data-job={resultJob} data-lint-ms={lint.ms} className={`lint-status ${status}`} aria-live="polite">
          {statusText}
        </span>
        {draft ? <span data-testid="file-name">{draft.token ? words.served(draft.name) : draft.name}</span> : null}
        {draft && dirty && editorRef.current?.text() !== draft.savedText ? <span data-testid="unsaved">{words.unsaved}</span> : null}
        <span className="spacer" />
        <span className="muted">{words.privacy}</span>
      </footer>

      {dialog?.kind === 'replace' ? <ReplaceDialog words={words} name={dialog.name} canSave={dialog.canSave} onChoose={dialog.resolve} /> : null}
      {dialog?.kind === 'conflict' && draft ? (
        <ConflictDialog
          words={words}
          name={draft.name}
          disk={dialog.disk}
          mine={dialog.mine}
          onCancel={() => setDialog(undefined)}
          onReload={() => {
            setDialog(undefined);
            const { disk } = dialog;
            if (disk.text === undefined) return;
            openText(draft.name, disk.text, disk.encoding ?? draft.encoding, {
              ...(draft.token !== undefined ? { token: draft.token } : {}),
              ...(disk.version !== undefined ? { version: disk.version } : {}),
              ...(draft.configText !== undefined ? { configText: draft.configText } : {}),
              ...(draft.maxBytes !== undefined ? { maxBytes: draft.maxBytes } : {}),
            });
          }}
          onSave={(text) => {
            const { disk } = dialog;
            setDialog(undefined);
            const editor = editorRef.current;
            if (!editor) return;
            // The merged text becomes the editor's (one undo step), then it is saved over what is on disk now.
            if (text !== editor.text()) editor.replaceText(text);
            if (disk.encoding !== undefined && latest.current.draft) setOpenDraft({ ...latest.current.draft, encoding: disk.encoding });
            void save(text, disk.version ?? null);
          }}
        />
      ) : null}
      {dialog?.kind === 'fix-preview' ? <FixAllDialog words={words} changes={dialog.changes} onApply={() => applyFixAll(dialog.base, dialog.reply)} onCancel={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'ignore' ? (
        <IgnoreDialog words={words} message={dialog.finding.message.message} busy={ignoring} onApply={(reason) => void ignore(dialog.finding, reason)} onCancel={() => setDialog(undefined)} />
      ) : null}
      {dialog?.kind === 'rule-doc' ? (
        <RuleDocDialog
          words={words}
          ruleId={dialog.ruleId}
          title={ruleTitle(words, dialog.ruleId, lint.rules.find((r) => r.id === dialog.ruleId)?.description)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </div>
  );
}
