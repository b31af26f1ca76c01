import type { Locale } from '@lkip/engine';

export const LOCALE_KEY = 'lkip.locale';

/** The language chosen last time, else the browser's (English or Indonesian). */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_KEY);
    if (stored === 'id' || stored === 'en') return stored;
  } catch {
    // Storage can be disabled; the default is fine.
  }
  // The drafts and their editors are Indonesian; English is for everyone else.
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'id';
}
