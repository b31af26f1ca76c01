import { useEffect, useState } from 'react';
import type { UiWords } from '../i18n.ts';
import { Dialog } from './Dialog.tsx';

// Each rule's page (rules/docs/<id>.md) as its own small chunk, fetched when it is first opened.
const DOCS = import.meta.glob<string>('../../../../rules/docs/*.md', { query: '?raw', import: 'default' });

export function ruleDocLoader(ruleId: string): (() => Promise<string>) | undefined {
  return DOCS[`../../../../rules/docs/${ruleId}.md`];
}

/** The rule's documentation, as the text of its page (headings, examples and options included). */
export function RuleDocDialog({ words, ruleId, title, onClose }: { words: UiWords; ruleId: string; title: string; onClose(): void }) {
  const [text, setText] = useState<string>();
  useEffect(() => {
    let live = true;
    const load = ruleDocLoader(ruleId);
    if (!load) setText(words.ruleDoc.missing);
    else void load().then((doc) => live && setText(doc), () => live && setText(words.ruleDoc.missing));
    return () => {
      live = false;
    };
  }, [ruleId, words]);
  return (
    <Dialog
      title={`${title} (${ruleId})`}
      testId="rule-doc"
      wide
      onCancel={onClose}
      actions={
        <button type="button" onClick={onClose} autoFocus>
          {words.ruleDoc.close}
        </button>
      }
    >
      {/* The page is Markdown written for reading as it is; shown as text, never as HTML. */}
      <pre className="rule-doc-text" data-testid="rule-doc-text">
        {text ?? '…'}
      </pre>
    </Dialog>
  );
}
