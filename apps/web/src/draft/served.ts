import type { DraftEncoding } from './file.ts';

/** What `lkip view` hands the page: the one draft it was started with. */
export interface ServedDraft {
  name: string;
  text: string;
  encoding: DraftEncoding;
  /** `lkip.config.json` of the directory `lkip view` ran in, when there is one. */
  configText?: string;
}

/**
 * The token `lkip view` put in the URL. Only that server knows it; without one the viewer
 * is a static page and talks to nobody.
 */
export function serverToken(search: string): string | undefined {
  const token = new URLSearchParams(search).get('token');
  return token !== null && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : undefined;
}

function draftUrl(token: string): string {
  return `./api/draft?token=${encodeURIComponent(token)}`;
}

export async function fetchServedDraft(token: string): Promise<ServedDraft> {
  const response = await fetch(draftUrl(token), { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const body = (await response.json()) as Partial<ServedDraft>;
  if (typeof body.name !== 'string' || typeof body.text !== 'string') throw new Error('unexpected reply');
  const draft: ServedDraft = { name: body.name, text: body.text, encoding: body.encoding ?? 'utf-8' };
  if (typeof body.configText === 'string') draft.configText = body.configText;
  return draft;
}

/** Sends the draft (with its own line ends restored) back to be written over the opened file. */
export async function saveServedDraft(token: string, text: string): Promise<void> {
  const response = await fetch(draftUrl(token), {
    method: 'PUT',
    headers: { 'Content-Type': 'text/plain;charset=utf-8' },
    body: text,
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!response.ok) {
    const reason = await response.text().catch(() => '');
    throw new Error(reason.trim() || `${response.status} ${response.statusText}`);
  }
}
