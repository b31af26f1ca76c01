import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brief, findings, readDraft } from './harness.js';

const RULE = 'history-mismatch';
const YEARS = fileURLToPath(new URL('../../fixtures/compare-years/', import.meta.url));
const fixture = (slug: string) => readFileSync(`${YEARS}${slug}/draft.md`, 'utf8');
const NTT = readDraft(fileURLToPath(new URL('../../fixtures/ntt-2024/draft.md', import.meta.url)));

function excerpt(year: number, header: string, rows: string[], prose = ''): string {
  return [
    `LAPORAN KINERJA Dinas Kesehatan Kabupaten Contoh Tahun ${year}`,
    '',
    'BAB III AKUNTABILITAS KINERJA',
    '',
    'Tabel 3.1 Capaian Indikator Kinerja Utama',
    '',
    header,
    ...rows,
    '',
    prose,
    '',
  ].join('\n');
}

const LAST_YEAR = excerpt(2023, 'No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)', [
  '1\tPersentase ibu hamil mendapatkan pelayanan antenatal\t100 %\t96,04 %\t96,04',
  '2\tPersentase balita ditimbang\t90 %\t85,10 %\t94,56',
]);

describe('history-mismatch', () => {
  it('reports a 2023 figure in a "Realisasi 2023" column that the 2023 filing states otherwise', () => {
    const draft = excerpt(2024, 'No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)\tRealisasi 2023', [
      '1\tPersentase ibu hamil mendapatkan pelayanan antenatal\t100 %\t98,80 %\t98,80\t96,40 %',
      '2\tPersentase balita ditimbang\t90 %\t87,30 %\t97,00\t85,10 %',
    ]);
    const found = findings(RULE, draft, {}, [LAST_YEAR]);
    expect(brief(found)).toEqual([{ ruleId: RULE, messageId: 'realisation', line: 8, column: 76 }]);
    expect(found[0]?.message).toContain('96,40 %');
    expect(found[0]?.message).toContain('96,04 %');
    expect(found[0]?.message).toContain('previous-1.md');
  });

  it('stays silent on right figures, figures rounded to fewer decimals, and without an earlier filing', () => {
    const draft = excerpt(2024, 'No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)\tRealisasi 2023', [
      '1\tPersentase ibu hamil mendapatkan pelayanan antenatal\t100 %\t98,80 %\t98,80\t96,0 %',
      '2\tPersentase balita ditimbang\t90 %\t87,30 %\t97,00\t85,10 %',
    ]);
    expect(findings(RULE, draft, {}, [LAST_YEAR])).toEqual([]);
    const wrong = draft.replace('96,0 %', '96,40 %');
    expect(findings(RULE, wrong)).toEqual([]);
  });

  it('holds a "Capaian 2023" column against the achievement or the realisation, whichever the filing states', () => {
    const draft = excerpt(2024, 'No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)\tCapaian 2023', [
      '1\tPersentase ibu hamil mendapatkan pelayanan antenatal\t100 %\t98,80 %\t98,80\t96,04',
      '2\tPersentase balita ditimbang\t90 %\t87,30 %\t97,00\t94,65',
    ]);
    // 94,56 % written 94,65: two digits swapped.
    expect(brief(findings(RULE, draft, {}, [LAST_YEAR]))).toEqual([{ ruleId: RULE, messageId: 'achievement', line: 9, column: 50 }]);
  });

  it('does not hold a draft against a later filing, a filing of its own year, or another office’s', () => {
    const draft = excerpt(2024, 'No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)\tRealisasi 2023', [
      '1\tPersentase ibu hamil mendapatkan pelayanan antenatal\t100 %\t98,80 %\t98,80\t96,40 %',
    ]);
    expect(findings(RULE, draft, {}, [LAST_YEAR.replace('Tahun 2023', 'Tahun 2025')])).toEqual([]);
    expect(findings(RULE, draft, {}, [LAST_YEAR.replace('Tahun 2023', 'Tahun 2024')])).toEqual([]);
    expect(findings(RULE, draft, {}, [LAST_YEAR.replace('Dinas Kesehatan Kabupaten Contoh', 'Dinas Kesehatan Kabupaten Lain')])).toEqual([]);
  });

  it('reads "meningkat dari … pada tahun 2023" in an indicator’s section', () => {
    const last = fixture('teluk-cendana-2023');
    const draft = fixture('teluk-cendana-2024').replace(
      'Realisasi tahun 2023 tercatat 68.40 Indeks; realisasi tahun 2024 adalah 72.10 Indeks.',
      'Nilai Zona Integritas meningkat dari 64.80 Indeks pada tahun 2023 menjadi 72.10 Indeks pada tahun 2024.',
    );
    const found = findings(RULE, draft, {}, [last]).filter((m) => m.line === 374);
    expect(brief(found)).toEqual([{ ruleId: RULE, messageId: 'realisation', line: 374, column: 38 }]);
    expect(found[0]?.message).toContain('68.40');
  });

  it('finds the planted mis-copies of the year fixtures, one per office, and nothing else', () => {
    expect(brief(findings(RULE, fixture('teluk-cendana-2024'), {}, [fixture('teluk-cendana-2023')]))).toEqual([{ ruleId: RULE, messageId: 'realisation', line: 334, column: 19 }]);
    expect(brief(findings(RULE, fixture('tanjung-gading-2024'), {}, [fixture('tanjung-gading-2023')]))).toEqual([{ ruleId: RULE, messageId: 'realisation', line: 212, column: 31 }]);
    // The other office's 2023 filing is not this office's.
    expect(findings(RULE, fixture('teluk-cendana-2024'), {}, [fixture('tanjung-gading-2023')])).toEqual([]);
  });

  it('stays silent on the NTT draft held against a 2023 filing that states its cited figures', () => {
    // The NTT draft cites its 2023 NKA (90.83) and Zona Integritas target (75); a 2023 filing
    // stating the same must raise nothing, whatever else the draft says about other years.
    const last = excerpt(2023, 'No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)', ['1\tNilai Kinerja Anggaran BNN Provinsi Nusa Tenggara Timur\t90 Indeks\t90.83 Indeks\t100.92']).replace(
      'Dinas Kesehatan Kabupaten Contoh',
      'Badan Narkotika Nasional Provinsi Nusa Tenggara Timur',
    );
    expect(findings(RULE, NTT, {}, [last])).toEqual([]);
    expect(brief(findings(RULE, NTT, {}, [last.replace('90.83 Indeks\t100.92', '90.38 Indeks\t100.42')])).map((f) => f.line)).toEqual([1118]);
  });
});
