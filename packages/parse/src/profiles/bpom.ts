import type { AgencyProfile } from './types.js';

/** Badan Pengawas Obat dan Makanan: Balai Besar POM and Balai POM (province), Loka POM (kabupaten/kota). */
export const bpom: AgencyProfile = {
  id: 'bpom',
  extends: 'generic',
  description: 'Badan Pengawas Obat dan Makanan: Balai Besar POM, Balai POM, Loka POM',
  agencyNames: ['Badan Pengawas Obat dan Makanan', 'BPOM', 'Badan POM', 'Balai Besar POM', 'Balai POM', 'Loka POM'],
  offices: [
    {
      kind: 'province',
      prefixes: [
        'Balai Besar Pengawas Obat dan Makanan di',
        'Balai Besar POM di',
        'BBPOM di',
        'Balai Pengawas Obat dan Makanan di',
        'Balai POM di',
        'BPOM di',
      ],
      display: 'Balai POM di {place}',
    },
    {
      kind: 'regency',
      prefixes: ['Loka Pengawas Obat dan Makanan di Kabupaten', 'Loka Pengawas Obat dan Makanan di', 'Loka POM di Kabupaten', 'Loka POM di Kab.', 'Loka POM di', 'Loka POM'],
      display: 'Loka POM di {place}',
    },
    { kind: 'city', prefixes: ['Loka Pengawas Obat dan Makanan di Kota', 'Loka POM di Kota'], display: 'Loka POM di Kota {place}' },
  ],
  indicatorAcronyms: ['IKU', 'IKSS', 'IKSP', 'IKK'],
  indicatorTerms: {},
  headerSynonyms: {},
  lowerIsBetter: [],
  stopWords: ['bpom', 'pom', 'balai', 'loka'],
  nameSpellings: [],
};
