import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_PORT, defaultViewerDist, viewCommand } from '../src/commands/view.js';
import { run } from '../src/index.js';
import { startViewerServer, type ViewerServer } from '../src/view/server.js';
import { fakeParse, fakeRules, tempDir, testIo } from './helpers.js';

let dir: string;
let cleanup: () => void;
let dist: string;
const servers: ViewerServer[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  // A stand-in for apps/web/dist: these tests are about the server, not the page.
  dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>viewer</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  cleanup();
});

const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function serve(draftPath: string, extra: { maxBodyBytes?: number; port?: number } = {}): Promise<ViewerServer> {
  const server = await startViewerServer({ distDir: dist, draft: { path: draftPath }, port: extra.port ?? 0, ...(extra.maxBodyBytes ? { maxBodyBytes: extra.maxBodyBytes } : {}) });
  servers.push(server);
  return server;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: the tests need to send Host and Origin headers of their choosing. */
function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { agent: false, host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const draftUrl = (server: ViewerServer, token = server.token) => `/api/draft?token=${encodeURIComponent(token)}`;
const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The version a page that opened `path` now would send with its save. */
const versionHeader = (path: string) => ({ 'If-Match': `"${sha256(readFileSync(path))}"` });

describe('lkip view server: the token', () => {
  it('GET /api/draft returns the draft and its file name with the right token', async () => {
    const path = write('draft.md', '# LKIP\n\nCapaian 98,5 %\n');
    const server = await serve(path);
    const r = await call(server.port, draftUrl(server));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['cache-control']).toBe('no-store');
    const version = sha256('# LKIP\n\nCapaian 98,5 %\n');
    expect(JSON.parse(r.body)).toEqual({ name: 'draft.md', kind: 'text', text: '# LKIP\n\nCapaian 98,5 %\n', encoding: 'utf-8', version, maxBytes: 5 * 1024 * 1024 });
    expect(r.headers.etag).toBe(`"${version}"`);
  });

  it('answers 403 without a token, with a wrong one, and with one of another length', async () => {
    const path = write('draft.md', 'rahasia\n');
    const server = await serve(path);
    for (const url of ['/api/draft', '/api/draft?token=', draftUrl(server, 'x'.repeat(server.token.length)), draftUrl(server, `${server.token}x`), draftUrl(server, server.token.slice(1))]) {
      const r = await call(server.port, url);
      expect(r.status, url).toBe(403);
      expect(r.body).not.toContain('rahasia');
    }
    const put = await call(server.port, '/api/draft', { method: 'PUT', body: 'overwritten' });
    expect(put.status).toBe(403);
    expect(readFileSync(path, 'utf8')).toBe('rahasia\n');
  });

  it('draws a new random token per run and puts it in the URL', async () => {
    const path = write('draft.md', 'x\n');
    const a = await serve(path);
    const b = await serve(path);
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(32);
    expect(a.url).toBe(`http://127.0.0.1:${a.port}/?token=${a.token}`);
  });
});

describe('lkip view server: loopback only', () => {
  it('listens on 127.0.0.1 and not on the machine’s other addresses', async () => {
    const path = write('draft.md', 'x\n');
    const server = await serve(path);
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(call(server.port, draftUrl(server), { host: external.address, headers: { Host: `127.0.0.1:${server.port}` } })).rejects.toThrow(/ECONNREFUSED|EHOSTUNREACH/);
    }
  });

  it('rejects requests whose Host header is not a loopback name (DNS rebinding)', async () => {
    const path = write('draft.md', 'rahasia\n');
    const server = await serve(path);
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1.nip.io:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const api = await call(server.port, draftUrl(server), { headers: { Host: host } });
      expect(api.status, host).toBe(403);
      expect(api.body).not.toContain('rahasia');
      const page = await call(server.port, '/', { headers: { Host: host } });
      expect(page.status, host).toBe(403);
    }
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) {
      expect((await call(server.port, draftUrl(server), { headers: { Host: host } })).status, host).toBe(200);
    }
  });
});

describe('lkip view server: saving', () => {
  it('PUT replaces the draft atomically (a new file renamed over it) and keeps its mode', async () => {
    const path = write('draft.md', 'Capaian 98,5 %\n');
    const before = statSync(path);
    const server = await serve(path);
    const r = await call(server.port, draftUrl(server), {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain;charset=utf-8', Origin: `http://127.0.0.1:${server.port}`, ...versionHeader(path) },
      body: 'Capaian 98,6 %\n',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ saved: true, version: sha256('Capaian 98,6 %\n') });
    expect(readFileSync(path, 'utf8')).toBe('Capaian 98,6 %\n');
    const after = statSync(path);
    // writeFileAtomic writes a sibling temp file and renames it: a new inode, no temp left over.
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode).toBe(before.mode);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'draft.md']);
  });

  it('writes only the file it was started with, whatever the request names', async () => {
    const path = write('draft.md', 'draft\n');
    const other = write('other.md', 'other\n');
    const server = await serve(path);
    const attempts = [
      `${draftUrl(server)}&path=${encodeURIComponent(other)}`,
      `${draftUrl(server)}&file=other.md`,
      `/api/draft/../other.md?token=${server.token}`,
      `/api/other.md?token=${server.token}`,
      `/other.md?token=${server.token}`,
    ];
    for (const url of attempts) await call(server.port, url, { method: 'PUT', headers: versionHeader(path), body: 'hijacked\n' });
    expect(readFileSync(other, 'utf8')).toBe('other\n');
    expect(readdirSync(dir).sort()).toEqual(['dist', 'draft.md', 'other.md']);
    expect(readFileSync(path, 'utf8')).toBe('hijacked\n');
  });

  it('refuses a PUT from another origin', async () => {
    const path = write('draft.md', 'draft\n');
    const server = await serve(path);
    const r = await call(server.port, draftUrl(server), { method: 'PUT', headers: { Origin: 'https://evil.example' }, body: 'x' });
    expect(r.status).toBe(403);
    expect(readFileSync(path, 'utf8')).toBe('draft\n');
  });

  it('refuses bodies over the limit, by Content-Length and by counting', async () => {
    const path = write('draft.md', 'draft\n');
    const server = await serve(path);
    const declared = await call(server.port, draftUrl(server), { method: 'PUT', headers: { 'Content-Length': String(51 * 1024 * 1024) }, body: 'x' });
    expect(declared.status).toBe(413);
    const small = await serve(path, { maxBodyBytes: 1024 });
    const chunked = await call(small.port, draftUrl(small), { method: 'PUT', headers: { 'Transfer-Encoding': 'chunked' }, body: 'x'.repeat(4096) });
    expect(chunked.status).toBe(413);
    expect(readFileSync(path, 'utf8')).toBe('draft\n');
  });

  it('writes the draft back in its own encoding (BOM kept) and refuses bytes that are not UTF-8', async () => {
    const path = write('draft.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('baris 1\r\nbaris 2\r\n')]));
    const server = await serve(path);
    const got = JSON.parse((await call(server.port, draftUrl(server))).body) as { text: string; encoding: string };
    expect(got).toMatchObject({ text: 'baris 1\r\nbaris 2\r\n', encoding: 'utf-8-bom' });
    expect((await call(server.port, draftUrl(server), { method: 'PUT', headers: versionHeader(path), body: 'baris 1\r\nbaris 3\r\n' })).status).toBe(200);
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(path).subarray(3).toString('utf8')).toBe('baris 1\r\nbaris 3\r\n');
    const bad = await call(server.port, draftUrl(server), { method: 'PUT', headers: versionHeader(path), body: Buffer.from([0x61, 0xff, 0x62]) });
    expect(bad.status).toBe(400);
    expect(readFileSync(path).subarray(3).toString('utf8')).toBe('baris 1\r\nbaris 3\r\n');
  });

  it('saves only over the version the page opened: 428 without one, 409 with the text on disk when it changed', async () => {
    const path = write('draft.md', 'Capaian 98,5 %\n');
    const server = await serve(path);
    const opened = JSON.parse((await call(server.port, draftUrl(server))).body) as { version: string };
    const put = (body: string, version?: string) =>
      call(server.port, draftUrl(server), { method: 'PUT', headers: version === undefined ? {} : { 'If-Match': `"${version}"` }, body });

    expect((await put('mine\n')).status).toBe(428);
    expect(readFileSync(path, 'utf8')).toBe('Capaian 98,5 %\n');

    // Another editor (or a git pull) changes the file while the page has it open.
    writeFileSync(path, 'Capaian 98,7 % (theirs)\n');
    const stale = await put('Capaian 98,6 % (mine)\n', opened.version);
    expect(stale.status).toBe(409);
    const conflict = JSON.parse(stale.body) as { conflict: boolean; version: string; text: string; encoding: string };
    expect(conflict).toEqual({ conflict: true, version: sha256('Capaian 98,7 % (theirs)\n'), text: 'Capaian 98,7 % (theirs)\n', encoding: 'utf-8' });
    expect(readFileSync(path, 'utf8')).toBe('Capaian 98,7 % (theirs)\n');

    // "Overwrite": the page saves again naming the version it has now seen.
    const overwrite = await put('Capaian 98,6 % (mine)\n', conflict.version);
    expect(overwrite.status).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe('Capaian 98,6 % (mine)\n');
    const { version } = JSON.parse(overwrite.body) as { version: string };

    // A touch changes the mtime, not the draft: no conflict.
    utimesSync(path, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    expect((await put('Capaian 98,6 %\n', version)).status).toBe(200);

    unlinkSync(path);
    const gone = await put('x\n', sha256('Capaian 98,6 %\n'));
    expect(gone.status).toBe(409);
    expect(JSON.parse(gone.body)).toEqual({ conflict: true, reason: 'the file was deleted or renamed' });
    // Written again only while it is still absent.
    const again = await call(server.port, draftUrl(server), { method: 'PUT', headers: { 'If-None-Match': '*' }, body: 'again\n' });
    expect(again.status).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe('again\n');
    expect((await call(server.port, draftUrl(server), { method: 'PUT', headers: { 'If-None-Match': '*' }, body: 'twice\n' })).status).toBe(409);
    expect(readFileSync(path, 'utf8')).toBe('again\n');
  });

  it('saves what it can read back: a draft up to the read limit is served and saved, one over it refused', async () => {
    const limit = 5 * 1024 * 1024;
    const line = 'Capaian 98,5 % dari target 100 %.\n';
    const big = line.repeat(Math.floor(limit / line.length));
    const path = write('draft.md', big);
    const server = await serve(path);
    const opened = await call(server.port, draftUrl(server));
    expect(opened.status).toBe(200);
    const { version, maxBytes } = JSON.parse(opened.body) as { version: string; maxBytes: number };
    expect(maxBytes).toBe(limit);
    const same = await call(server.port, draftUrl(server), { method: 'PUT', headers: { 'If-Match': `"${version}"` }, body: big.replace('98,5', '98,6') });
    expect(same.status).toBe(200);
    const over = await call(server.port, draftUrl(server), { method: 'PUT', headers: versionHeader(path), body: `${big}${'x'.repeat(limit - big.length + 1)}` });
    expect(over.status).toBe(413);
    expect(over.body).toBe('the draft would be 5.0 MB; lkip reads drafts up to 5.0 MB');
    expect(readFileSync(path, 'utf8')).toBe(big.replace('98,5', '98,6'));
  });

  it('serves a Word document as bytes for the page to read, and never writes it', async () => {
    const docx = readFileSync(fileURLToPath(new URL('../../../fixtures/docx/consistent-2024.docx', import.meta.url)));
    const path = write('draft.docx', docx);
    const server = await startViewerServer({ distDir: dist, draft: { path, kind: 'docx' }, port: 0 });
    servers.push(server);
    const meta = JSON.parse((await call(server.port, draftUrl(server))).body) as Record<string, unknown>;
    expect(meta).toEqual({ name: 'draft.docx', kind: 'docx', version: sha256(docx), size: docx.length, maxBytes: 5 * 1024 * 1024 });
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/draft/bytes?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(bytes.equals(docx)).toBe(true);
    expect((await call(server.port, `/api/draft/bytes?token=wrong-token-of-some-length`)).status).toBe(403);
    const put = await call(server.port, draftUrl(server), { method: 'PUT', headers: { 'If-Match': `"${sha256(docx)}"` }, body: '# x\n' });
    expect(put.status).toBe(405);
    expect(readFileSync(path).equals(docx)).toBe(true);
  });

  it('answers 405 to other methods on the draft', async () => {
    const path = write('draft.md', 'draft\n');
    const server = await serve(path);
    const r = await call(server.port, draftUrl(server), { method: 'DELETE' });
    expect(r.status).toBe(405);
    expect(readFileSync(path, 'utf8')).toBe('draft\n');
  });
});

describe('lkip view server: the page', () => {
  it('serves the built viewer with its security headers', async () => {
    const server = await serve(write('draft.md', 'x\n'));
    const page = await call(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>viewer</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await call(server.port, '/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside dist/', async () => {
    const server = await serve(write('draft.md', 'rahasia\n'));
    for (const path of ['/../draft.md', '/%2e%2e/draft.md', '/assets/..%2f..%2fdraft.md', '/%00', '/nope.js']) {
      const r = await call(server.port, path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('rahasia');
    }
  });
});

/** A command context in the test's directory. */
const context = (env: Record<string, string | undefined> = {}) => {
  const { io, out, err } = testIo({ cwd: dir, env });
  return { ctx: { io, rules: fakeRules().rules, parse: fakeParse, toolVersion: '0.0.0' }, out, err };
};

describe('lkip view command', () => {

  it('finds the built viewer in apps/web/dist of this checkout', () => {
    expect(defaultViewerDist()).toBe(join(fileURLToPath(new URL('../../web/dist', import.meta.url)), '/'));
  });

  it('exits 2 with one line when the viewer is not built', async () => {
    write('draft.md', 'x\n');
    const { io, err } = testIo({ cwd: dir, env: { LKIP_VIEWER_DIST: join(dir, 'missing') } });
    const code = await run(['view', 'draft.md'], io, { rules: fakeRules().rules, parse: fakeParse });
    expect(code).toBe(2);
    expect(err()).toMatch(/^lkip: the viewer is not built \(.*missing.*\); run pnpm build first\n$/);
  });

  it('exits 2 for a missing draft and for a bad port', async () => {
    const missing = testIo({ cwd: dir, env: { LKIP_VIEWER_DIST: dist } });
    expect(await run(['view', 'nope.md'], missing.io, { rules: fakeRules().rules, parse: fakeParse })).toBe(2);
    expect(missing.err()).toContain('nope.md: berkas tidak dapat dibaca');
    write('draft.md', 'x\n');
    const badPort = testIo({ cwd: dir, env: { LKIP_VIEWER_DIST: dist } });
    expect(await run(['view', 'draft.md', '--port', '70000'], badPort.io, { rules: fakeRules().rules, parse: fakeParse })).toBe(2);
    expect(badPort.err()).toContain('--port');
  });

  it('runs from run() until SIGINT, printing the URL with its token', async () => {
    write('draft.md', 'Capaian 98,5 %\n');
    const { io, out } = testIo({ cwd: dir, env: { LKIP_VIEWER_DIST: dist } });
    const exit = run(['view', 'draft.md', '--port', '0'], io, { rules: fakeRules().rules, parse: fakeParse });
    let url: URL | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      const printed = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n$/.exec(out());
      if (printed?.[1]) url = new URL(printed[1]);
      else await new Promise((r) => setTimeout(r, 10));
    }
    expect(url).toBeDefined();
    const port = Number(url?.port);
    const got = await call(port, `/api/draft?token=${url?.searchParams.get('token')}`);
    expect(JSON.parse(got.body)).toMatchObject({ name: 'draft.md', text: 'Capaian 98,5 %\n' });
    process.emit('SIGINT');
    expect(await exit).toBe(0);
    await expect(call(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('listens on the port asked for, and says so when it is taken', async () => {
    const path = write('draft.md', 'x\n');
    const port = await freePort();
    const controller = new AbortController();
    const { ctx, out } = context();
    let server: ViewerServer | undefined;
    const exit = viewCommand(path, { port }, ctx, { distDir: dist, signal: controller.signal, onListening: (s) => (server = s) });
    await until(() => server !== undefined);
    expect(out()).toBe(`http://127.0.0.1:${port}/?token=${server?.token}\n`);

    const second = context();
    await expect(viewCommand(path, { port }, second.ctx, { distDir: dist, signal: controller.signal })).rejects.toThrow(`port ${port} is already in use`);
    controller.abort();
    expect(await exit).toBe(0);
  });

  it('takes a free port when another program holds the default one', async () => {
    const path = write('draft.md', 'x\n');
    // Another program on the default port (or an earlier session still open): hold it for the test.
    const holder = createServer();
    await new Promise<void>((done) => holder.once('error', () => done()).listen(DEFAULT_VIEW_PORT, '127.0.0.1', () => done()));
    try {
      const controller = new AbortController();
      const { ctx } = context();
      let server: ViewerServer | undefined;
      const exit = viewCommand(path, {}, ctx, { distDir: dist, signal: controller.signal, onListening: (s) => (server = s) });
      await until(() => server !== undefined);
      expect(server?.port).not.toBe(DEFAULT_VIEW_PORT);
      expect(server?.port).toBeGreaterThan(0);
      controller.abort();
      expect(await exit).toBe(0);
    } finally {
      await new Promise<void>((done) => holder.close(() => done()));
    }
  });

  it('hands the page lkip.config.json and refuses an invalid one', async () => {
    const path = write('draft.md', 'x\n');
    write('lkip.config.json', '{ "rules": { "fake-warning": "off" } }');
    const controller = new AbortController();
    const { ctx } = context();
    let server: ViewerServer | undefined;
    const exit = viewCommand(path, {}, ctx, { distDir: dist, signal: controller.signal, onListening: (s) => (server = s) });
    await until(() => server !== undefined);
    const body = JSON.parse((await call(server?.port ?? 0, draftUrl(server as ViewerServer))).body) as { configText?: string };
    expect(body.configText).toBe('{ "rules": { "fake-warning": "off" } }');
    controller.abort();
    await exit;

    write('lkip.config.json', '{ "rules": { "no-such-rule": "off" } }');
    await expect(viewCommand(path, {}, context().ctx, { distDir: dist, signal: AbortSignal.abort() })).rejects.toThrow(/no-such-rule/);
  });
});

describe('lkip view: Word drafts and PDFs', () => {
  it('opens a .docx (read once to fail early) and serves it as a Word document; a damaged one exits with one line', async () => {
    const path = write('draft.docx', readFileSync(fileURLToPath(new URL('../../../fixtures/docx/ntt-2024.docx', import.meta.url))));
    const controller = new AbortController();
    const { ctx } = context();
    let server: ViewerServer | undefined;
    const exit = viewCommand(path, {}, ctx, { distDir: dist, signal: controller.signal, onListening: (s) => (server = s) });
    await until(() => server !== undefined);
    const body = JSON.parse((await call(server?.port ?? 0, draftUrl(server as ViewerServer))).body) as { kind: string; name: string };
    expect(body).toMatchObject({ kind: 'docx', name: 'draft.docx' });
    controller.abort();
    expect(await exit).toBe(0);

    const broken = write('broken.docx', 'PK\u0003\u0004 not really a zip');
    await expect(viewCommand(broken, {}, context().ctx, { distDir: dist, signal: AbortSignal.abort() })).rejects.toThrow(/^broken\.docx: damaged Word document/);
  });

  it('opens a PDF as a PDF (the page reads and draws it), and refuses a scanned one with the line that asks for OCR', async () => {
    const pdf = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/pdf/${name}`, import.meta.url)));
    const path = write('report.pdf', pdf('kecamatan.libreoffice.pdf'));
    const controller = new AbortController();
    let server: ViewerServer | undefined;
    const exit = viewCommand(path, {}, context().ctx, { distDir: dist, signal: controller.signal, onListening: (s) => (server = s) });
    await until(() => server !== undefined);
    const body = JSON.parse((await call(server?.port ?? 0, draftUrl(server as ViewerServer))).body) as { kind: string; size: number };
    expect(body).toMatchObject({ kind: 'pdf', size: pdf('kecamatan.libreoffice.pdf').length });
    controller.abort();
    expect(await exit).toBe(0);

    const scanned = write('scan.pdf', pdf('scanned.pdf'));
    await expect(viewCommand(scanned, {}, context().ctx, { distDir: dist, signal: AbortSignal.abort() })).rejects.toThrow(/OCR/);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('timed out');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
