import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, PROFILES, UnknownProfileError, detectProfile, parseDraft, resolveProfile } from '../src/index.js';

// Agency profiles: vocabulary as data. Every name below is invented.

const row = (...cells: string[]) => cells.join('\t');

/** A small report of an invented agency with a province office and district offices. */
function report(title: string[], offices: string[], options: { summary?: string } = {}): string {
  return [
    ...title,
    'IKHTISAR EKSEKUTIF',
    options.summary ?? 'Tahun 2024 ditetapkan 2 (dua) Indikator Kinerja Utama.',
    'BAB II PERENCANAAN KINERJA DAN PERJANJIAN KINERJA',
    [row('NO', 'SASARAN STRATEGIS', 'INDIKATOR KINERJA UTAMA', 'TARGET'), row('1', 'Meningkatnya mutu layanan data', 'Indeks Kepuasan Pengguna Data', '80 Indeks'), row('2', 'Meningkatnya mutu layanan data', 'Persentase Publikasi Tepat Waktu', '90 %')].join('\n'),
    'BAB III AKUNTABILITAS KINERJA',
    '1.',
    'Indikator Kinerja Utama : Indeks Kepuasan Pengguna Data',
    [row('No', 'Satker', 'Target', 'Realisasi', '%'), ...offices.map((o, i) => row(String(i + 1), o, '80', String(80 + i), ((100 * (80 + i)) / 80).toFixed(2)))].join('\n'),
    'BAB IV PENUTUP',
  ].join('\n\n') + '\n';
}

describe('the profile registry', () => {
  it('lists generic first and the built-in agencies', () => {
    expect(PROFILE_IDS[0]).toBe('generic');
    expect(PROFILE_IDS).toEqual(expect.arrayContaining(['generic', 'bnn', 'bps', 'kemenag', 'pemda', 'bpom']));
  });

  it('resolves `extends`: a profile keeps its parent’s stop words and adds its own', () => {
    const bps = resolveProfile('bps');
    expect(bps.stopWords).toEqual(expect.arrayContaining([...PROFILES['generic']!.stopWords, 'bps']));
    expect(bps.offices.map((o) => o.kind)).toEqual(['province', 'city', 'regency']);
    expect(bps.indicatorTerms['IKU']).toBe('Indikator Kinerja Utama');
  });

  it('applies a config’s additions: acronyms replace, offices and synonyms add', () => {
    const p = resolveProfile({ extends: 'bps', indicatorAcronyms: ['IKSS'], headerSynonyms: { target: ['sasaran angka'] }, offices: [{ kind: 'other', prefixes: ['Unit Contoh'] }] });
    expect(p.id).toBe('bps');
    expect(p.indicatorAcronyms).toEqual(['IKSS']);
    expect(p.headerSynonyms.target).toEqual(['sasaran angka']);
    expect(p.offices[0]?.prefixes).toEqual(['Unit Contoh']);
    expect(p.offices.length).toBe(resolveProfile('bps').offices.length + 1);
  });

  it('additions without `extends` start from the detected profile', () => {
    expect(resolveProfile({ stopWords: ['lorem'] }, 'kemenag').offices).toEqual(resolveProfile('kemenag').offices);
  });

  it('refuses an unknown id', () => {
    expect(() => resolveProfile('nope')).toThrow(UnknownProfileError);
  });
});

describe('detecting the agency from the title', () => {
  it.each([
    ['LAPORAN KINERJA BADAN PUSAT STATISTIK PROVINSI TELUK BIRU TAHUN 2024', 'bps'],
    ['Laporan Kinerja Kantor Wilayah Kementerian Agama Provinsi Teluk Biru', 'kemenag'],
    ['LKjIP Pemerintah Kabupaten Lembah Hijau Tahun 2024', 'pemda'],
    ['Laporan Kinerja Balai Besar POM di Teluk Biru', 'bpom'],
    ['Laporan Kinerja Badan Contoh Nasional Provinsi Teluk Biru', 'generic'],
  ])('%s → %s', (title, id) => {
    expect(detectProfile(`${title}\n\nKATA PENGANTAR\n`)).toBe(id);
  });

  it('does not take a cited agency for the report’s own', () => {
    expect(detectProfile('LAPORAN KINERJA BADAN CONTOH NASIONAL\n\nSumber data: BPS, 2024.')).toBe('generic');
  });

  it('takes an agency acronym only as a whole word in capitals', () => {
    expect(detectProfile('Laporan Kinerja Unit IBPS dan BPSX')).toBe('generic');
    expect(detectProfile('Laporan Kinerja: olah data bps')).toBe('generic');
  });
});

describe('offices learned from the document (no profile)', () => {
  const title = ['LAPORAN KINERJA', 'BADAN CONTOH NASIONAL PROVINSI TELUK BIRU', 'Tahun 2024'];
  const offices = ['BCN Provinsi Teluk Biru', 'BCN Kabupaten Lembah Hijau', 'BCN Kota Batu Merah', 'BCNK Tanjung Kemiri'];
  const text = report(title, offices, { summary: 'BCN Provinsi Teluk Biru membina BCN Kabupaten Lembah Hijau, BCN Kota Batu Merah dan BCN Kabupaten Tanjung Kemiri. Tahun 2024 ditetapkan 2 (dua) Indikator Kinerja Utama.' });

  it('reads the agency’s acronym, its full name and its "<acronym>K" short form', () => {
    const doc = parseDraft(text);
    expect(doc.meta.profile).toBe('generic');
    expect(doc.units.map((u) => [u.kind, u.name])).toEqual([
      ['province', 'BCN Provinsi Teluk Biru'],
      ['regency', 'BCN Kabupaten Lembah Hijau'],
      ['city', 'BCN Kota Batu Merah'],
      ['regency', 'BCN Kabupaten Tanjung Kemiri'],
    ]);
    const unitRows = doc.measurements.filter((m) => m.place.kind === 'chapter-table' && m.role === 'realisation');
    expect(unitRows.map((m) => doc.units.find((u) => u.id === m.unitId)?.placeName)).toEqual(['Teluk Biru', 'Lembah Hijau', 'Kota Batu Merah', 'Tanjung Kemiri']);
  });

  it('calls the indicators what the draft calls them', () => {
    expect(parseDraft(text).meta.indicatorAcronym).toBe('IKU');
  });

  it('takes bare region words as offices only in a per-office table', () => {
    const bare = report(['LAPORAN KINERJA', 'LEMBAGA CONTOH', 'Tahun 2024'], ['Provinsi Teluk Biru', 'Kabupaten Lembah Hijau', 'Kota Batu Merah']);
    const doc = parseDraft(bare);
    expect(doc.units.map((u) => u.name)).toEqual(['Provinsi Teluk Biru', 'Kabupaten Lembah Hijau', 'Kota Batu Merah']);
  });

  it('learns office words written before a region word three times or more', () => {
    const words = report(['LAPORAN KINERJA', 'LEMBAGA CONTOH', 'Tahun 2024'], ['Kanca Provinsi Teluk Biru', 'Kancab Kabupaten Lembah Hijau', 'Kancab Kota Batu Merah', 'Kancab Kabupaten Tanjung Kemiri'], {
      summary: 'Kanca Provinsi Teluk Biru, Kanca Provinsi Teluk Biru dan Kanca Provinsi Teluk Biru membina Kancab Kabupaten Lembah Hijau, Kancab Kota Batu Merah dan Kancab Kabupaten Tanjung Kemiri.',
    });
    const doc = parseDraft(words);
    expect(doc.units.map((u) => u.name)).toEqual(['Kanca Provinsi Teluk Biru', 'Kancab Kabupaten Lembah Hijau', 'Kancab Kota Batu Merah', 'Kancab Kabupaten Tanjung Kemiri']);
  });
});

describe('a profile whose offices the draft never names', () => {
  it('still learns the draft’s own offices', () => {
    const text = report(['LAPORAN KINERJA', 'BADAN CONTOH NASIONAL PROVINSI TELUK BIRU', 'Tahun 2024'], ['BCN Provinsi Teluk Biru', 'BCN Kabupaten Lembah Hijau', 'BCN Kota Batu Merah'], {
      summary: 'BCN Provinsi Teluk Biru membina BCN Kabupaten Lembah Hijau dan BCN Kota Batu Merah.',
    });
    const doc = parseDraft(text, { profile: 'bps' });
    expect(doc.units.map((u) => u.name)).toEqual(['BCN Provinsi Teluk Biru', 'BCN Kabupaten Lembah Hijau', 'BCN Kota Batu Merah']);
  });
});

describe('a configured profile', () => {
  const title = ['LAPORAN KINERJA', 'LEMBAGA CONTOH', 'Tahun 2024'];
  const text = report(title, ['Kanwil Teluk Biru', 'Kacab Lembah Hijau', 'Kacab Batu Merah'], { summary: 'Kanwil Teluk Biru membina Kacab Lembah Hijau dan Kacab Batu Merah.' });

  it('names the offices its `offices` describe, with its display template', () => {
    const doc = parseDraft(text, {
      profile: {
        extends: 'generic',
        offices: [
          { kind: 'province', prefixes: ['Kanwil'], display: 'Kantor Wilayah {place}' },
          { kind: 'regency', prefixes: ['Kacab'], display: 'Kantor Cabang {place}' },
        ],
      },
    });
    expect(doc.units.map((u) => u.name)).toEqual(['Kantor Wilayah Teluk Biru', 'Kantor Cabang Lembah Hijau', 'Kantor Cabang Batu Merah']);
  });

  it('an unknown profile id is a warning, and the draft is read with the detected one', () => {
    const doc = parseDraft(text, { profile: 'nope' });
    expect(doc.diagnostics.map((d) => d.code)).toContain('unknown-profile');
    expect(doc.meta.profile).toBe('generic');
  });
});
