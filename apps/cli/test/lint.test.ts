import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRules, lkip, tempDir, writeInto } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const write = (name: string, content: string | Uint8Array) => writeInto(dir, name, content);

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; column: number; fix?: { range: [number, number]; text: string } }[];
  errorCount: number;
  warningCount: number;
  output?: string;
  source?: string;
}
const parseJson = (stdout: string) => JSON.parse(stdout) as JsonResult[];

describe('exit codes', () => {
  it('is 0 for a clean draft and prints nothing', async () => {
    write('clean.md', '# Laporan Kinerja\n\nSemua angka benar.\n');
    const r = await lkip(['lint', 'clean.md'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is 1 when an error is found', async () => {
    write('draft.md', 'baris satu\nada ERR di sini\n');
    const r = await lkip(['lint', 'draft.md', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('line 2, col 5, Error');
  });

  it('is 0 for warnings only', async () => {
    write('draft.md', 'WARN\n');
    expect((await lkip(['lint', 'draft.md'], { cwd: dir })).code).toBe(0);
  });

  it('is 2 for a missing file, with ESLint-like wording on one line', async () => {
    const r = await lkip(['lint', 'missing.md', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lkip: No files matching 'missing.md' were found.\n");
  });

  it('is 2 for a directory without drafts', async () => {
    write('empty/notes.odt', 'x');
    const r = await lkip(['lint', 'empty', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lkip: No files matching 'empty' were found.\n");
  });

  it('is 2 for an unknown option, through io and on one line', async () => {
    const r = await lkip(['lint', '--bogus', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lkip: unknown option '--bogus'/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is 2 for an unknown format', async () => {
    write('draft.md', 'x');
    const r = await lkip(['lint', 'draft.md', '--format', 'xml', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'xml' is invalid");
  });

  it('is 0 for --help and --version', async () => {
    const help = await lkip(['lint', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
    const version = await lkip(['--version'], { cwd: dir });
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('--max-warnings and --quiet', () => {
  beforeEach(() => {
    write('draft.md', 'WARN\nWARN\n');
  });

  it('exits 1 when warnings exceed the maximum, and says so on stderr', async () => {
    const over = await lkip(['lint', 'draft.md', '--max-warnings', '1', '--locale', 'en'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('lkip found too many warnings (maximum: 1).\n');
    const within = await lkip(['lint', 'draft.md', '--max-warnings', '2'], { cwd: dir });
    expect(within.code).toBe(0);
  });

  it('rejects a maximum that is not a number', async () => {
    const r = await lkip(['lint', 'draft.md', '--max-warnings', 'lots'], { cwd: dir });
    expect(r.code).toBe(2);
  });

  it('--quiet prints errors only but still counts warnings for --max-warnings', async () => {
    write('mixed.md', 'WARN\nERR\n');
    const quiet = await lkip(['lint', 'mixed.md', '--quiet', '--format', 'json'], { cwd: dir });
    const [result] = parseJson(quiet.stdout);
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['fake-error']);
    expect(result?.warningCount).toBe(0);
    const warnOnly = await lkip(['lint', 'draft.md', '--quiet', '--max-warnings', '0'], { cwd: dir });
    expect(warnOnly.stdout).toBe('');
    expect(warnOnly.code).toBe(1);
  });
});

describe('--rule', () => {
  beforeEach(() => {
    write('draft.md', 'ERR\nWARN\n');
  });

  it('changes severities and switches rules off', async () => {
    const r = await lkip(['lint', 'draft.md', '--rule', 'fake-error:warn', '--rule', 'fake-warning:off', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [result] = parseJson(r.stdout);
    expect(result?.messages.map((m) => [m.ruleId, m.severity])).toEqual([['fake-error', 1]]);
  });

  it('fails with exit 2 and one line for an unknown rule id, suggesting the closest', async () => {
    const r = await lkip(['lint', 'draft.md', '--rule', 'fake-eror:warn'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lkip: Unknown rule 'fake-eror' in rule overrides (--rule) (did you mean 'fake-error'?)\n");
  });

  it('fails with exit 2 for a malformed value', async () => {
    const r = await lkip(['lint', 'draft.md', '--rule', 'fake-error:loud', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lkip: Invalid --rule 'fake-error:loud': expected <rule-id>:off|warn|error\n");
  });
});

describe('--config', () => {
  beforeEach(() => {
    write('draft.md', 'ERR\nWARN\n');
  });

  it('reads lkip.config.json from the working directory', async () => {
    write('lkip.config.json', JSON.stringify({ rules: { 'fake-error': 'off' } }));
    const r = await lkip(['lint', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it('exits 2 with one line naming the file for invalid JSON', async () => {
    write('bad.json', '{ "rules": { ,} }');
    const r = await lkip(['lint', 'draft.md', '--config', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lkip: bad\.json: Invalid JSON/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 naming the file for a config that does not fit the schema or names an unknown rule', async () => {
    write('lkip.config.json', JSON.stringify({ rounding: 'sideways' }));
    const bad = await lkip(['lint', 'draft.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^lkip: lkip\.config\.json: .*rounding/);
    write('lkip.config.json', JSON.stringify({ rules: { nope: 'off' } }));
    const unknown = await lkip(['lint', 'draft.md'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^lkip: lkip\.config\.json: Unknown rule 'nope'/);
  });

  it('exits 2 for a config file that does not exist', async () => {
    const r = await lkip(['lint', 'draft.md', '--config', 'nope.json', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lkip: nope.json: cannot read config file: no such file or directory\n');
  });
});

describe('--stdin', () => {
  it('lints the piped draft under the given name', async () => {
    const r = await lkip(['lint', '--stdin', '--stdin-filename', 'piped.md', '--format', 'json'], { cwd: dir, stdin: 'x\nERR\n' });
    expect(r.code).toBe(1);
    const [result] = parseJson(r.stdout);
    expect(result?.filePath).toBe(join(dir, 'piped.md'));
    expect(result?.messages[0]).toMatchObject({ ruleId: 'fake-error', line: 2, column: 1 });
  });

  it('names it <text> without --stdin-filename, and refuses --fix', async () => {
    const r = await lkip(['lint', '--stdin', '--format', 'json'], { cwd: dir, stdin: 'ERR' });
    expect(parseJson(r.stdout)[0]?.filePath).toBe('<text>');
    const fix = await lkip(['lint', '--stdin', '--fix', '--locale', 'en'], { cwd: dir, stdin: 'FIXME' });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toMatch(/^lkip: The --fix option is not available for piped-in drafts/);
  });

  it('puts the fixed text in `output` with --fix-dry-run', async () => {
    const r = await lkip(['lint', '--stdin', '--fix-dry-run', '--format', 'json'], { cwd: dir, stdin: 'a FIXME b\n' });
    const [result] = parseJson(r.stdout);
    expect(result?.output).toBe('a FIXED b\n');
    expect(r.code).toBe(0);
  });
});

describe('--fix', () => {
  it('writes the fix atomically, keeps the mode, leaves no temp file, and a second run changes nothing', async () => {
    const path = write('draft.md', 'judul\nnilai FIXME dan WARN\n');
    chmodSync(path, 0o640);
    const first = await lkip(['lint', 'draft.md', '--fix'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('judul\nnilai FIXED dan WARN\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const before = statSync(path);
    const second = await lkip(['lint', 'draft.md', '--fix'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('judul\nnilai FIXED dan WARN\n');
    // Never rewritten when nothing changed: same inode, same mtime.
    const after = statSync(path);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps CRLF line endings, and maps fix ranges to the file on disk', async () => {
    const original = 'judul\r\nbaris dua\r\nnilai FIXME\r\n';
    const path = write('crlf.md', original);
    const dry = await lkip(['lint', 'crlf.md', '--fix-dry-run', '--format', 'json'], { cwd: dir });
    expect(parseJson(dry.stdout)[0]?.output).toBe('judul\r\nbaris dua\r\nnilai FIXED\r\n');
    const plain = await lkip(['lint', 'crlf.md', '--format', 'json'], { cwd: dir });
    const fix = parseJson(plain.stdout)[0]?.messages[0]?.fix;
    expect(fix).toBeDefined();
    expect(original.slice(fix?.range[0], fix?.range[1])).toBe('FIXME');

    await lkip(['lint', 'crlf.md', '--fix'], { cwd: dir });
    expect(readFileSync(path, 'utf8')).toBe('judul\r\nbaris dua\r\nnilai FIXED\r\n');
  });

  it('keeps a UTF-8 byte-order mark and UTF-16 encoding', async () => {
    const bom = write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FIXME\n')]));
    await lkip(['lint', 'bom.md', '--fix'], { cwd: dir });
    expect([...readFileSync(bom).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(bom).subarray(3).toString('utf8')).toBe('FIXED\n');

    const utf16 = write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Capaian FIXME\r\n', 'utf16le')]));
    await lkip(['lint', 'utf16.md', '--fix'], { cwd: dir });
    const bytes = readFileSync(utf16);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('Capaian FIXED\r\n');
  });

  it('--fix-dry-run writes nothing', async () => {
    const path = write('draft.md', 'FIXME\n');
    const before = statSync(path).mtimeMs;
    const r = await lkip(['lint', 'draft.md', '--fix-dry-run', '--format', 'json'], { cwd: dir });
    expect(parseJson(r.stdout)[0]?.output).toBe('FIXED\n');
    expect(readFileSync(path, 'utf8')).toBe('FIXME\n');
    expect(statSync(path).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toEqual(['draft.md']);
  });

  it('with --quiet fixes errors only', async () => {
    // A warning-level fix: turn the fixable rule down to warn.
    const path = write('draft.md', 'FIXME\n');
    await lkip(['lint', 'draft.md', '--fix', '--quiet', '--rule', 'fake-error:warn'], { cwd: dir });
    expect(readFileSync(path, 'utf8')).toBe('FIXME\n');
  });

  it('refuses --fix together with --fix-dry-run', async () => {
    write('draft.md', 'FIXME');
    const r = await lkip(['lint', 'draft.md', '--fix', '--fix-dry-run'], { cwd: dir });
    expect(r.code).toBe(2);
  });
});

describe('--cache', () => {
  it('reuses results for unchanged drafts and relints changed ones', async () => {
    write('a.md', 'ERR\n');
    write('b.md', 'WARN\n');
    const { rules, calls } = fakeRules();
    const first = await lkip(['lint', '.', '--cache', '--format', 'json'], { cwd: dir, rules });
    expect(calls['fake-error']).toBe(2);
    expect(existsSync(join(dir, '.lkipcache'))).toBe(true);

    const second = await lkip(['lint', '.', '--cache', '--format', 'json'], { cwd: dir, rules });
    expect(calls['fake-error']).toBe(2);
    expect(second.code).toBe(first.code);
    expect(parseJson(second.stdout).map((r) => r.messages)).toEqual(parseJson(first.stdout).map((r) => r.messages));

    write('b.md', 'WARN\nERR\n');
    await lkip(['lint', '.', '--cache'], { cwd: dir, rules });
    expect(calls['fake-error']).toBe(3);
  });

  it('misses when the settings change, and honours --cache-location', async () => {
    write('a.md', 'ERR\n');
    const { rules, calls } = fakeRules();
    await lkip(['lint', 'a.md', '--cache', '--cache-location', 'tmp/'], { cwd: dir, rules });
    expect(existsSync(join(dir, 'tmp', '.lkipcache'))).toBe(true);
    await lkip(['lint', 'a.md', '--cache', '--cache-location', 'tmp/', '--locale', 'en'], { cwd: dir, rules });
    expect(calls['fake-error']).toBe(2);
  });

  it('survives a damaged cache file', async () => {
    write('a.md', 'ERR\n');
    write('.lkipcache', '{not json');
    const r = await lkip(['lint', 'a.md', '--cache'], { cwd: dir });
    expect(r.code).toBe(1);
  });

  it('a cached draft with a fix is fixed all the same', async () => {
    const path = write('a.md', 'FIXME\n');
    await lkip(['lint', 'a.md', '--cache'], { cwd: dir });
    await lkip(['lint', 'a.md', '--cache', '--fix'], { cwd: dir });
    expect(readFileSync(path, 'utf8')).toBe('FIXED\n');
  });
});

describe('finding drafts', () => {
  it('walks directories for .md, .markdown and .txt, skipping node_modules, dist and .git', async () => {
    write('docs/a.md', 'ERR');
    write('docs/sub/b.markdown', 'ERR');
    write('docs/c.txt', 'ERR');
    write('docs/d.pdf', 'ERR');
    write('docs/node_modules/e.md', 'ERR');
    write('docs/dist/f.md', 'ERR');
    write('docs/.git/g.md', 'ERR');
    const r = await lkip(['lint', 'docs', '--format', 'json'], { cwd: dir });
    expect(parseJson(r.stdout).map((x) => x.filePath)).toEqual([join(dir, 'docs/a.md'), join(dir, 'docs/c.txt'), join(dir, 'docs/sub/b.markdown')]);
  });

  it('expands globs and lints the working directory by default', async () => {
    write('x/one.md', 'ERR');
    write('x/two.md', 'WARN');
    const glob = await lkip(['lint', 'x/*.md', '--format', 'json'], { cwd: dir });
    expect(parseJson(glob.stdout)).toHaveLength(2);
    const all = await lkip(['lint', '--format', 'json'], { cwd: dir });
    expect(parseJson(all.stdout)).toHaveLength(2);
  });
});

describe('bad input', () => {
  it('refuses an empty file with exit 2 and one line (see bad-input.test.ts)', async () => {
    write('empty.md', '');
    const r = await lkip(['lint', 'empty.md', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lkip: empty.md: empty file\n');
  });

  it('refuses a binary file with exit 2', async () => {
    write('report.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    const r = await lkip(['lint', 'report.md', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lkip: report.md: binary file, not a draft\n');
  });

  it('refuses invalid UTF-8 with exit 2 and says where', async () => {
    write('latin1.md', Buffer.concat([Buffer.from('baris satu\nCapaian '), Buffer.from([0xe9]), Buffer.from(' baik\n')]));
    const r = await lkip(['lint', 'latin1.md', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lkip: latin1.md: invalid UTF-8 at line 2 (byte 19); save the draft as UTF-8\n');
  });

  it('reads UTF-16 with a byte-order mark, little and big endian', async () => {
    write('le.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('satu\nERR\n', 'utf16le')]));
    write('be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('satu\nERR\n', 'utf16le').swap16()]));
    const r = await lkip(['lint', 'le.md', 'be.md', '--format', 'json'], { cwd: dir });
    const results = parseJson(r.stdout);
    expect(results.map((x) => x.messages[0] && [x.messages[0].line, x.messages[0].column])).toEqual([
      [2, 1],
      [2, 1],
    ]);
  });

  it('strips a UTF-8 byte-order mark before linting', async () => {
    write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ERR')]));
    const r = await lkip(['lint', 'bom.md', '--format', 'json'], { cwd: dir });
    expect(parseJson(r.stdout)[0]?.messages[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('reports a file it cannot read with exit 2', async () => {
    if (process.getuid?.() === 0) return; // root reads anything
    const path = write('locked.md', 'ERR');
    chmodSync(path, 0o000);
    const r = await lkip(['lint', 'locked.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lkip: locked.md: cannot read file: permission denied\n');
  });

  it('turns a reader that throws into a fatal message, not a crash', async () => {
    write('draft.md', 'x');
    const r = await lkip(['lint', 'draft.md', '--format', 'json', '--locale', 'en'], {
      cwd: dir,
      parse: () => {
        throw new Error('table at line 3 has no header');
      },
    });
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout)[0]?.messages[0]).toMatchObject({ ruleId: null, fatal: true, message: 'Parsing error: table at line 3 has no header' });
  });
});

describe('--report-rounding', () => {
  it('shows rounding notes at info level only when asked', async () => {
    write('draft.md', 'ROUND\n');
    const plain = await lkip(['lint', 'draft.md', '--format', 'json'], { cwd: dir });
    expect(parseJson(plain.stdout)[0]?.messages).toEqual([]);
    const asked = await lkip(['lint', 'draft.md', '--format', 'json', '--report-rounding'], { cwd: dir });
    expect(parseJson(asked.stdout)[0]?.messages.map((m) => m.severity)).toEqual([0]);
    expect(asked.code).toBe(0);
  });
});
