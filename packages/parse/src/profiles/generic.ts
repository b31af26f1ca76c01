import type { AgencyProfile } from './types.js';

/**
 * The default: no agency's vocabulary. Offices are learned from the document itself (the
 * agency's acronym and name in the title, "<acronym> Provinsi|Kabupaten|Kota <place>").
 */
export const generic: AgencyProfile = {
  id: 'generic',
  description: 'Any agency: offices learned from the document',
  agencyNames: [],
  offices: [],
  indicatorAcronyms: ['IKU', 'IKK', 'IKSS', 'IKSP', 'IKSK', 'IKP', 'IKD', 'IKI'],
  indicatorTerms: {
    IKU: 'Indikator Kinerja Utama',
    IKK: 'Indikator Kinerja Kegiatan',
    IKSS: 'Indikator Kinerja Sasaran Strategis',
    IKSP: 'Indikator Kinerja Sasaran Program',
    IKSK: 'Indikator Kinerja Sasaran Kegiatan',
    IKP: 'Indikator Kinerja Program',
    IKD: 'Indikator Kinerja Daerah',
    IKI: 'Indikator Kinerja Individu',
  },
  headerSynonyms: {},
  lowerIsBetter: [],
  // Deaths, prevalence, poverty, unemployment, inequality, disorder, arrears, cases, stunting …:
  // subjects of public reports whose realisation should go down (the rules' hint, not a verdict).
  lowerIsBetterHints: [
    'angka kematian', 'kematian', 'mortalitas', 'infeksi', 'prevalensi', 'kemiskinan', 'penduduk miskin', 'pengangguran',
    'ketimpangan', 'gini', 'gangguan', 'tunggakan', 'kasus', 'stunting', 'gizi buruk', 'wasting', 'kriminalitas', 'kejahatan',
    'pelanggaran', 'kecelakaan', 'inflasi', 'kebakaran', 'genangan', 'kawasan kumuh', 'kumuh', 'backlog', 'kesalahan',
    'angka kesakitan', 'insiden', 'putus sekolah', 'buta aksara',
  ],
  higherDespite: [
    'tertangani', 'ditangani', 'penanganan', 'menangani', 'diselesaikan', 'terselesaikan', 'penyelesaian', 'penurunan',
    'menurunnya', 'berkurangnya', 'pengurangan', 'ditindaklanjuti', 'tindak lanjut', 'terlayani', 'pelayanan', 'pencegahan',
    'dicegah', 'bebas', 'terungkap', 'pengungkapan', 'diungkap', 'pemulihan', 'pulih', 'sembuh', 'kesembuhan',
  ],
  stopWords: [
    'jajaran', 'tahun', 'ta', 'target', 'realisasi', 'indeks', 'nilai', 'dan', 'dengan', 'yang', 'di', 'pada', 'sebesar',
    'telah', 'sudah', 'dalam', 'untuk', 'sebagai', 'berkategori', 'kinerja', 'capaian', 'wilayah', 'melakukan', 'selaku',
    'sesuai', 'sedangkan', 'berdasarkan', 'setiap', 'hal', 'terhadap', 'satker', 'ri', 'jl',
    'nomor', 'tidak', 'mencapai', 'melebihi', 'dibawah', 'diatas', 'sehingga', 'secara', 'serta', 'periode', 'kepada',
    'adalah', 'atau', 'merupakan', 'mempunyai', 'memiliki', 'menetapkan', 'tersebut', 'ini', 'itu', 'pusat', 'provinsi',
    'kabupaten', 'kab', 'kota', 'kepala', 'bidang', 'bagian', 'dokumen', 'dari', 'oleh', 'ke',
    'se', 'seluruh', 'masing-masing', 'masing', 'lainnya', 'aplikasi', 'layanan', 'tingkat', 'sama',
  ],
  nameSpellings: [],
};
