import type { AgencyProfile } from './types.js';

/** Badan Pusat Statistik: BPS Provinsi, BPS Kabupaten, BPS Kota. */
export const bps: AgencyProfile = {
  id: 'bps',
  extends: 'generic',
  description: 'Badan Pusat Statistik: BPS Provinsi, BPS Kabupaten, BPS Kota',
  agencyNames: ['Badan Pusat Statistik', 'BPS'],
  offices: [
    { kind: 'province', prefixes: ['BPS Provinsi', 'BPS Prov.', 'Badan Pusat Statistik Provinsi'], display: 'BPS Provinsi {place}' },
    { kind: 'city', prefixes: ['BPS Kota', 'Badan Pusat Statistik Kota'], display: 'BPS Kota {place}' },
    { kind: 'regency', prefixes: ['BPS Kabupaten', 'BPS Kab.', 'Badan Pusat Statistik Kabupaten'], display: 'BPS Kabupaten {place}' },
  ],
  indicatorAcronyms: ['IKU', 'IKK', 'IKSS'],
  indicatorTerms: {},
  headerSynonyms: {},
  lowerIsBetter: [],
  stopWords: ['bps'],
  nameSpellings: [],
};
