import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The reader and the rules must not be tuned to one agency's report: no agency name, no place
// and no phrase of a fixture in their source (comments included), outside the agency profiles,
// where such vocabulary belongs as data. Tests and examples use invented names instead.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PROFILES = 'packages/parse/src/profiles/';

/** Agencies, the fixtures' places and the seed's distinctive phrases (whole words, any case). */
const FORBIDDEN = [
  // agencies
  'BNN', 'BNNP', 'BNNK', 'Narkotika', 'Narkoba', 'BPS', 'Badan Pusat Statistik', 'Kemenag', 'Kankemenag', 'Kementerian Agama',
  'BPOM', 'BBPOM', 'Pengawas Obat',
  // places of the seed and the fixtures, and their abbreviations
  'NTT', 'Nusa Tenggara', 'Kupang', 'Belu', 'Rote', 'Ndao', 'Teluk Cendana', 'Cendana', 'Batu Hijau', 'Pulau Sagu',
  'Maluku', 'Malut', 'Kalimantan', 'Kalteng', 'Halmahera', 'Halbar', 'Ternate', 'Morotai', 'Kotawaringin', 'Kobar',
  'Palangka', 'Barito', 'Bartim', 'Sulawesi', 'Sulbar', 'Mamuju', 'Majene', 'Polewali', 'Bengkulu', 'Jawa Timur',
  // phrases of the seed and the fixtures
  'Dektari', 'P4GN', 'Penyalagunaan', 'Ketahanan Keluarga', 'Ketahanan Diri', 'Pasiar', 'Goes To',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = FORBIDDEN.map((term) => ({ term, re: new RegExp(`(?<![\\p{L}\\p{N}])${term.split(' ').map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu') }));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(?:ts|tsx|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function sourceFolders(): string[] {
  const packages = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(ROOT, 'packages', e.name, 'src'));
  return [...packages, join(ROOT, 'rules', 'src')].filter((dir) => {
    try {
      return readdirSync(dir).length >= 0;
    } catch {
      return false;
    }
  });
}

/** Every forbidden term in `text`, as "line: term". */
export function findVocabulary(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { term, re } of PATTERNS) if (re.test(line)) out.push(`${i + 1}: ${term}`);
  });
  return out;
}

describe('no agency vocabulary in the reader and the rules', () => {
  it('finds the terms it looks for (and not inside other words)', () => {
    expect(findVocabulary('const x = "Kantor BNNK Belu";')).toEqual(['1: BNNK', '1: Belu']);
    expect(findVocabulary('// belum ada data, rotenone')).toEqual([]);
    expect(findVocabulary('Nusa\tTenggara')).toEqual(['1: Nusa Tenggara']);
  });

  it('packages/*/src and rules/src name no agency, place or fixture phrase outside the profiles', () => {
    const found: string[] = [];
    for (const dir of sourceFolders()) {
      for (const file of sources(dir)) {
        const name = relative(ROOT, file).split('\\').join('/');
        if (name.startsWith(PROFILES)) continue;
        for (const hit of findVocabulary(readFileSync(file, 'utf8'))) found.push(`${name}:${hit}`);
      }
    }
    expect(found).toEqual([]);
  });
});
