import type { DraftEncoding } from './file.ts';

/** What `lkip view` hands the page: the one draft it was started with. */
export interface ServedDraft {
  name: string;
  /** `text`: the draft itself, saved back; `docx`: a Word document, read here from its bytes, never saved. */
  kind: 'text' | 'docx' | 'pdf';
  /** For a text draft. */
  text?: string;
  encoding: DraftEncoding;
  /** The file's version when read (a hash of its bytes): a save names it, and is refused if the file changed since. */
  version: string;
  /** The largest draft lkip reads, in bytes: a save must fit it in the draft's encoding. */
  maxBytes?: number;
  /** `lkip.config.json` of the directory `lkip view` ran in, when there is one. */
  configText?: string;
}

/** The file as it is on disk when a save was refused: to reload, overwrite, or show beside the page's text. */
export interface DiskVersion {
  /** Absent when the file is gone or no longer readable (`reason` says which). */
  version?: string;
  text?: string;
  encoding?: DraftEncoding;
  reason?: string;
}

export type SaveOutcome = { saved: true; version: string } | { saved: false; disk: DiskVersion };

/**
 * The token `lkip view` put in the URL. Only that server knows it; without one the viewer
 * is a static page and talks to nobody.
 */
export function serverToken(search: string): string | undefined {
  const token = new URLSearchParams(search).get('token');
  return token !== null && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : undefined;
}

function draftUrl(token: string, path = 'draft'): string {
  return `./api/${path}?token=${encodeURIComponent(token)}`;
}

export async function fetchServedDraft(token: string): Promise<ServedDraft> {
  const response = await fetch(draftUrl(token), { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new Error((await response.text().catch(() => '')).trim() || `${response.status} ${response.statusText}`);
  const body = (await response.json()) as Partial<ServedDraft>;
  const kind = body.kind ?? 'text';
  if (typeof body.name !== 'string' || typeof body.version !== 'string' || (kind === 'text' && typeof body.text !== 'string')) throw new Error('unexpected reply');
  const draft: ServedDraft = { name: body.name, kind, encoding: body.encoding ?? 'utf-8', version: body.version };
  if (typeof body.text === 'string') draft.text = body.text;
  if (typeof body.maxBytes === 'number') draft.maxBytes = body.maxBytes;
  if (typeof body.configText === 'string') draft.configText = body.configText;
  return draft;
}

/** The bytes of a Word (or PDF) draft `lkip view` serves. */
export async function fetchServedBytes(token: string): Promise<ArrayBuffer> {
  const response = await fetch(draftUrl(token, 'draft/bytes'), { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}

/**
 * Sends the draft (with its own line ends restored) to be written over the opened file, if the
 * file is still `version` (null: if it is still deleted). A refusal because the file changed (409) is an outcome, not an error:
 * it carries what is on disk now.
 */
export async function saveServedDraft(token: string, text: string, version: string | null): Promise<SaveOutcome> {
  const response = await fetch(draftUrl(token), {
    method: 'PUT',
    // null: the file was deleted meanwhile; write it again only if it is still absent.
    headers: { 'Content-Type': 'text/plain;charset=utf-8', ...(version === null ? { 'If-None-Match': '*' } : { 'If-Match': `"${version}"` }) },
    body: text,
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 409) {
    const body = (await response.json().catch(() => ({}))) as DiskVersion;
    const disk: DiskVersion = {};
    if (typeof body.version === 'string') disk.version = body.version;
    if (typeof body.text === 'string') disk.text = body.text;
    if (typeof body.encoding === 'string') disk.encoding = body.encoding;
    if (typeof body.reason === 'string') disk.reason = body.reason;
    return { saved: false, disk };
  }
  if (!response.ok) {
    const reason = await response.text().catch(() => '');
    throw new Error(reason.trim() || `${response.status} ${response.statusText}`);
  }
  const body = (await response.json()) as { version?: string };
  if (typeof body.version !== 'string') throw new Error('unexpected reply');
  return { saved: true, version: body.version };
}
