import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors.js';
import { MAX_DRAFT_BYTES, checkSize, decodeDraft, describeSize, encodeDraft, readDraftFile, type DraftEncoding } from '../read-draft.js';
import { saveIfUnchanged, versionOf } from './version.js';

/**
 * How the page gets the draft: a text draft as text (and saves it back); a Word document (and a
 * PDF) as its bytes, which the page converts with the same reader the CLI uses, and never saves.
 */
export type ServedKind = 'text' | 'docx' | 'pdf';

/** The one draft a viewer session may read and write. */
export interface ServedDraftFile {
  /** Absolute path; the only file PUT ever writes. */
  path: string;
  /** Defaults to `text`. */
  kind?: ServedKind;
  /** lkip.config.json as text, handed to the page so it lints like `lkip lint` here would. */
  configText?: string;
}

export interface ViewerServerOptions {
  /** The built viewer (apps/web/dist). */
  distDir: string;
  draft: ServedDraftFile;
  /** 0 picks a free port. */
  port: number;
  /** When `port` is taken, listen on a free one instead of failing (the default port, not one the user named). */
  anyPortIfTaken?: boolean;
  /** Defaults to 32 random bytes; tests pass their own. */
  token?: string;
  /**
   * Largest body a PUT may send. The draft it carries must also fit, in its own encoding, the
   * size lkip reads (MAX_DRAFT_BYTES): the viewer never writes a file it could not open again.
   * The default leaves room for a UTF-16 draft sent as UTF-8 (up to 3 bytes for 2).
   */
  maxBodyBytes?: number;
  /** The largest binary draft (Word, PDF) served; defaults to the CLI's limit for each. */
  maxBinaryBytes?: number;
}

export interface ViewerServer {
  port: number;
  token: string;
  /** The page, with the token that lets it read and save the draft. */
  url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = MAX_DRAFT_BYTES * 3;

/**
 * The same policy the page carries in its meta tag, plus what only a header can say
 * (frame-ancestors: no other site may frame the viewer and click its save button).
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module named .mjs: served as JavaScript, or the browser refuses it.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built viewer and one draft on 127.0.0.1. Anything on the machine can reach a
 * loopback port, and any web page can make the browser send requests to it, hence: the API
 * wants a per-run random token, the Host header must name the loopback address (a DNS
 * rebinding attack arrives with the attacker's host name), and a PUT writes only the draft
 * this server was started with.
 */
export async function startViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const distDir = resolve(options.distDir);
  const kind = options.draft.kind ?? 'text';
  // The encoding seen at the last read: a save writes the draft back the way it came.
  let encoding: DraftEncoding = kind === 'text' ? (await readDraftFile(options.draft.path, options.draft.path)).encoding : 'utf-8';
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', error instanceof CliError ? error.message : 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!loopbackHost(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/draft') return handleDraft(req, res, url);
    if (url.pathname === '/api/draft/bytes') return handleBytes(req, res, url);
    if (url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', { Allow: 'GET, HEAD' });
    return serveFile(req, res, url.pathname);
  }

  async function handleDraft(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!sameToken(url.searchParams.get('token'), token)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
    if (req.method === 'GET') {
      const body: Record<string, string | number> = { name: basenameOf(options.draft.path), kind, maxBytes: MAX_DRAFT_BYTES };
      if (kind === 'text') {
        const draft = await readDraftFile(options.draft.path, options.draft.path);
        encoding = draft.encoding;
        Object.assign(body, { text: draft.text, encoding: draft.encoding, version: versionOf(draft.bytes) });
      } else {
        const bytes = await readBinary();
        Object.assign(body, { version: versionOf(bytes), size: bytes.length });
      }
      if (options.draft.configText !== undefined) body.configText = options.draft.configText;
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(body), { ETag: `"${String(body.version)}"` });
    }
    if (req.method === 'PUT') {
      if (kind !== 'text') return send(res, 405, 'text/plain; charset=utf-8', `a ${kind === 'docx' ? 'Word document' : 'PDF'} is not written back; download the Markdown form instead`, { Allow: 'GET' });
      // A form or a fetch from another site carries its own Origin; the page's own requests
      // carry ours (or none, for tools like curl, which the token already vouches for).
      const origin = req.headers.origin;
      if (origin !== undefined && !loopbackOrigin(origin, port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden origin');
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBodyBytes) return tooLarge(req, res);
      const body = await readBody(req, maxBodyBytes);
      if (body === undefined) return tooLarge(req, res);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'the draft must be sent as UTF-8 text');
      }
      // A save names the version it was made from (the ETag of the GET, or of a 409): a draft
      // changed on disk meanwhile (another editor, a git pull) is never overwritten unseen.
      // `If-None-Match: *` instead: the file was deleted meanwhile and the page writes it again.
      const expected = req.headers['if-none-match']?.trim() === '*' ? null : ifMatch(req.headers['if-match']);
      if (expected === undefined) return send(res, 428, 'text/plain; charset=utf-8', 'a save must name the version it replaces (If-Match)');
      const data = encodeDraft(text, encoding);
      if (data.length > MAX_DRAFT_BYTES) {
        return send(res, 413, 'text/plain; charset=utf-8', `the draft would be ${describeSize(data.length)}; lkip reads drafts up to ${describeSize(MAX_DRAFT_BYTES)}`);
      }
      const outcome = await saveIfUnchanged(options.draft.path, expected, data);
      if (outcome.saved) return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ saved: true, version: outcome.version }), { ETag: `"${outcome.version}"` });
      return send(res, 409, 'application/json; charset=utf-8', JSON.stringify(conflictBody(outcome.current)));
    }
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', { Allow: 'GET, PUT' });
  }

  /** What is on disk now, for the page to reload, overwrite or show beside its own text. */
  function conflictBody(current: { bytes: Buffer; version: string } | undefined): Record<string, string | boolean> {
    if (!current) return { conflict: true, reason: 'the file was deleted or renamed' };
    try {
      checkSize(current.bytes.length, basenameOf(options.draft.path));
      const decoded = decodeDraft(current.bytes, basenameOf(options.draft.path));
      encoding = decoded.encoding;
      return { conflict: true, version: current.version, text: decoded.text, encoding: decoded.encoding };
    } catch (error) {
      return { conflict: true, version: current.version, reason: error instanceof CliError ? error.message : 'the file can no longer be read' };
    }
  }

  /** The bytes of a Word or PDF draft, within the CLI's limit for its kind. */
  async function readBinary(): Promise<Buffer> {
    const label = basenameOf(options.draft.path);
    const limit = options.maxBinaryBytes ?? MAX_BINARY_BYTES;
    try {
      checkSize((await stat(options.draft.path)).size, label, limit, kind === 'docx' ? 'Word document' : 'PDF');
      return await readFile(options.draft.path);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${label}: cannot read file`);
    }
  }

  async function handleBytes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!sameToken(url.searchParams.get('token'), token)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', { Allow: 'GET' });
    const bytes = kind === 'text' ? (await readDraftFile(options.draft.path, basenameOf(options.draft.path))).bytes : await readBinary();
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length, 'Cache-Control': 'no-store', ETag: `"${versionOf(bytes)}"` });
    res.end(bytes);
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad path');
    }
    const file = resolve(distDir, `.${decoded === '/' ? '/index.html' : decoded}`);
    const inside = relative(distDir, file);
    if (decoded.includes('\0') || inside.startsWith('..') || inside.startsWith(sep) || resolve(distDir, inside) !== file) {
      return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    }
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      // Hashed asset names change with every build; the page itself must not be cached.
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  const listen = (on: number) =>
    new Promise<void>((resolveListen, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        reject(error.code === 'EADDRINUSE' ? new CliError(`port ${on} is already in use; pick another with --port`) : error);
      };
      server.once('error', onError);
      server.listen(on, '127.0.0.1', () => {
        server.off('error', onError);
        resolveListen();
      });
    });
  await listen(options.port).catch((error: unknown) => {
    if (options.anyPortIfTaken && options.port !== 0 && error instanceof CliError) return listen(0);
    throw error;
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => closeServer(server),
  };
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store', ...extra });
  res.end(bytes);
}

/** As `lkip lint` reads them: Word documents with their pictures, PDFs with their page images. */
const MAX_BINARY_BYTES = 50 * 1024 * 1024;

/** The version in `If-Match: "<sha256>"` (quotes optional; a list is not a version). */
function ifMatch(header: string | undefined): string | undefined {
  const value = header?.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return value !== undefined && /^[0-9a-f]{64}$/.test(value) ? value : undefined;
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  send(res, 413, 'text/plain; charset=utf-8', `the draft is larger than lkip reads (${describeSize(MAX_DRAFT_BYTES)})`, { Connection: 'close' });
  // Stop reading the rest of an oversized body.
  req.resume();
  res.on('finish', () => req.destroy());
}

/** The body, or undefined as soon as it grows past `limit` (a missing Content-Length cannot bypass it). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolveBody(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** `Host: 127.0.0.1:PORT` (or localhost): anything else is another name pointed at us. */
export function loopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  // Browsers leave out the default port.
  return LOOPBACK_NAMES.some((name) => lower === `${name}:${port}` || (port === 80 && lower === name));
}

function loopbackOrigin(origin: string, port: number): boolean {
  const lower = origin.toLowerCase();
  return LOOPBACK_NAMES.some((name) => lower === `http://${name}:${port}` || (port === 80 && lower === `http://${name}`));
}

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Constant time, so the token cannot be guessed a character at a time from response times.
  return a.length === b.length && timingSafeEqual(a, b);
}

function basenameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.closeAllConnections();
    server.close(() => resolveClose());
  });
}

