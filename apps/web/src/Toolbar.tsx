import type { ChangeEvent } from 'react';
import type { Locale } from '@lkip/engine';
import { ACCEPT } from './draft/file.ts';
import type { UiWords } from './i18n.ts';

export interface ToolbarProps {
  words: UiWords;
  locale: Locale;
  hasDraft: boolean;
  /** The draft is text in the editor (a PDF is pages): find and go to line work on it. */
  hasText: boolean;
  /** Offered only for drafts `lkip view` opened as text: saving writes back to that file. */
  canSave: boolean;
  dirty: boolean;
  saving: boolean;
  fixAllEnabled: boolean;
  onPick(file: File): void;
  /** Several drafts at once, for the comparison matrix (with their paths when a folder was picked). */
  onCompare(files: File[]): void;
  onExample(): void;
  onFind(): void;
  onGoToLine(): void;
  onFixAll(): void;
  onDownload(): void;
  onSave(): void;
  onLocale(locale: Locale): void;
}

export function Toolbar(props: ToolbarProps) {
  const { words } = props;
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again reloads it.
    event.target.value = '';
    if (file) props.onPick(file);
  };
  return (
    <header className="toolbar">
      <h1>
        {words.appTitle} <span className="tagline">{words.tagline}</span>
      </h1>
      <label className="button">
        {words.open}
        <input type="file" data-testid="open-file" accept={ACCEPT} onChange={pick} />
      </label>
      <label className="button">
        {words.compare}
        <input
          type="file"
          multiple
          data-testid="compare-files"
          accept={ACCEPT}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) props.onCompare(files);
          }}
        />
      </label>
      <button type="button" data-testid="example" onClick={props.onExample}>
        {words.example}
      </button>
      <span className="spacer" />
      <button type="button" data-testid="find" disabled={!props.hasText} onClick={props.onFind} title="Ctrl+F">
        {words.find}
      </button>
      <button type="button" data-testid="go-to-line" disabled={!props.hasText} onClick={props.onGoToLine} title="Ctrl+G">
        {words.goToLine}
      </button>
      <button type="button" data-testid="fix-all" disabled={!props.fixAllEnabled} onClick={props.onFixAll}>
        {words.fixAll}
      </button>
      <button type="button" data-testid="download" disabled={!props.hasDraft} onClick={props.onDownload}>
        {words.download}
      </button>
      {props.canSave ? (
        <button type="button" data-testid="save" className={props.dirty ? 'primary' : undefined} disabled={props.saving} onClick={props.onSave} title="Ctrl+S">
          {words.save}
          {props.dirty ? ' •' : ''}
        </button>
      ) : null}
      <label className="locale">
        <span className="sr-only">{words.language}</span>
        <select value={props.locale} onChange={(e) => props.onLocale(e.target.value as Locale)} data-testid="locale" aria-label={words.language}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </label>
    </header>
  );
}
