import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { cellName, TEMPLATE_COLUMNS } from '../src/spreadsheet-input.js';
import { tempDir } from './helpers.js';

async function lkip(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  location?: string;
}

const findings = (stdout: string) => ((JSON.parse(stdout) as { messages: JsonMessage[] }[])[0]?.messages ?? []).filter((m) => m.severity > 0);

describe('the PK and realisation spreadsheet: lkip template, lkip lint sheet.csv|sheet.xlsx', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('names cells as a spreadsheet does', () => {
    expect([cellName(1, 1), cellName(5, 7), cellName(2, 26), cellName(3, 27), cellName(4, 52), cellName(9, 703)]).toEqual(['A1', 'G5', 'Z2', 'AA3', 'AZ4', 'AAA9']);
  });

  it('writes a CSV template that lints clean, and finds a wrong capaian typed into it at its cell', async () => {
    const template = await lkip(['template'], dir);
    expect(template.code).toBe(0);
    // Excel with Indonesian settings: `;` between cells, comma decimals, a BOM so it reads UTF-8.
    expect(template.stdout.startsWith(`\uFEFF${TEMPLATE_COLUMNS.join(';')}\r\n`)).toBe(true);
    writeFileSync(join(dir, 'realisasi-2024.csv'), template.stdout);
    const clean = await lkip(['lint', '--format', 'json', 'realisasi-2024.csv'], dir);
    expect(clean.code).toBe(0);
    expect(findings(clean.stdout)).toEqual([]);

    // Row 3: realisation 60 of target 75 is 80 %; the office types 85.
    writeFileSync(join(dir, 'realisasi-2024.csv'), template.stdout.replace('75;60;80', '75;60;85'));
    const wrong = await lkip(['lint', '--format', 'json', 'realisasi-2024.csv'], dir);
    expect(wrong.code).toBe(1);
    // The cell, then (as for Word drafts) the line of the converted text the positions count in.
    expect(findings(wrong.stdout).map((m) => [m.ruleId, m.location])).toEqual([['capaian-mismatch', expect.stringMatching(/^sel G3 \(baris \d+ teks hasil konversi\)$/)]]);
  });

  it('writes an XLSX template that lints clean, and finds a wrong figure at its sheet and cell', async () => {
    expect((await lkip(['template', '--format', 'xlsx'], dir)).code).toBe(2);
    expect(await lkip(['template', '--format', 'xlsx', '--out', 'pk.xlsx'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    const [sheet] = await readXlsxFile(readFileSync(join(dir, 'pk.xlsx')));
    expect(sheet?.data[0]).toEqual([...TEMPLATE_COLUMNS]);
    const clean = await lkip(['lint', '--format', 'json', '--locale', 'en', 'pk.xlsx'], dir);
    expect(findings(clean.stdout)).toEqual([]);
    expect(clean.code).toBe(0);

    // The office's workbook: its own sheet name, a realisation of 80 against a target of 70 stated as 103 %.
    const rows = (sheet?.data ?? []).map((row, i) => row.map((value) => ({ value: i === 3 && value === 72.1 ? 80 : value })));
    await writeXlsxFile(rows as never, { sheet: 'Realisasi 2024' }).toFile(join(dir, 'kantor.xlsx'));
    const wrong = await lkip(['lint', '--format', 'json', '--locale', 'en', 'kantor.xlsx'], dir);
    expect(wrong.code).toBe(1);
    expect(findings(wrong.stdout).map((m) => [m.ruleId, m.location])).toEqual([['capaian-mismatch', expect.stringMatching(/^cell 'Realisasi 2024'!G4 \(line \d+ of the converted text\)$/)]]);
  });

  it('refuses --fix of a spreadsheet and a damaged workbook on one line', async () => {
    writeFileSync(join(dir, 'pk.csv'), (await lkip(['template'], dir)).stdout);
    const fix = await lkip(['lint', '--fix', 'pk.csv'], dir);
    expect(fix.code).toBe(2);
    expect(fix.stderr).toMatch(/^lkip: pk\.csv: --fix cannot write spreadsheets; .*\n$/);
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    const broken = await lkip(['lint', 'broken.xlsx'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^lkip: broken\.xlsx: cannot read Excel workbook: [^\n]+\n$/);
  });
});
