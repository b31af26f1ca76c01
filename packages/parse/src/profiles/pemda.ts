import type { AgencyProfile } from './types.js';

/**
 * A provincial, kabupaten or kota government and its OPD. Most such reports have one office;
 * the government's own report names its dinas and badan in per-office tables.
 */
export const pemda: AgencyProfile = {
  id: 'pemda',
  extends: 'generic',
  description: 'A provincial, kabupaten or kota government (Pemda) and its dinas, badan, kecamatan',
  agencyNames: ['Pemerintah Provinsi', 'Pemerintah Kabupaten', 'Pemerintah Kota', 'Pemprov', 'Pemkab', 'Pemkot'],
  offices: [
    {
      kind: 'other',
      prefixes: ['Dinas', 'Badan', 'Sekretariat', 'Inspektorat', 'Kecamatan', 'Satuan Polisi Pamong Praja', 'RSUD', 'Puskesmas', 'UPTD'],
      display: '{prefix} {place}',
      strongOnly: true,
    },
  ],
  indicatorAcronyms: ['IKU', 'IKSS', 'IKSP', 'IKP', 'IKD', 'IKK'],
  indicatorTerms: {},
  headerSynonyms: {},
  lowerIsBetter: ['angka kematian', 'prevalensi', 'kemiskinan', 'pengangguran', 'ketimpangan', 'rasio gini', 'stunting'],
  stopWords: ['pemda', 'pemerintah', 'daerah'],
  nameSpellings: [],
};
