import type { AgencyProfile } from './types.js';

/** Kementerian Agama: the Kanwil of a province, the Kantor Kementerian Agama (Kankemenag) of each kabupaten and kota. */
export const kemenag: AgencyProfile = {
  id: 'kemenag',
  extends: 'generic',
  description: 'Kementerian Agama: Kanwil (province), Kankemenag (kabupaten/kota)',
  agencyNames: ['Kementerian Agama', 'Kemenag', 'Kankemenag', 'Kanwil Kemenag'],
  offices: [
    {
      kind: 'province',
      prefixes: [
        'Kantor Wilayah Kementerian Agama Provinsi',
        'Kanwil Kementerian Agama Provinsi',
        'Kanwil Kemenag Provinsi',
        'Kanwil Kemenag Prov.',
        'Kanwil Kemenag',
        'Kementerian Agama Provinsi',
        'Kemenag Provinsi',
      ],
      display: 'Kanwil Kemenag Provinsi {place}',
    },
    {
      kind: 'city',
      prefixes: ['Kantor Kementerian Agama Kota', 'Kankemenag Kota', 'Kemenag Kota', 'Kementerian Agama Kota'],
      display: 'Kankemenag Kota {place}',
    },
    {
      kind: 'regency',
      prefixes: [
        'Kantor Kementerian Agama Kabupaten',
        'Kantor Kementerian Agama Kab.',
        'Kankemenag Kabupaten',
        'Kankemenag Kab.',
        'Kankemenag',
        'Kemenag Kabupaten',
        'Kemenag Kab.',
        'Kementerian Agama Kabupaten',
      ],
      display: 'Kankemenag Kabupaten {place}',
    },
  ],
  indicatorAcronyms: ['IKU', 'IKSS', 'IKSP', 'IKK'],
  indicatorTerms: {},
  headerSynonyms: {},
  lowerIsBetter: [],
  stopWords: ['kemenag', 'kanwil', 'kankemenag'],
  nameSpellings: [],
};
