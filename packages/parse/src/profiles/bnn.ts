import type { AgencyProfile } from './types.js';

/** Badan Narkotika Nasional: BNNP (province), BNNK and BNN Kota (district offices); indicators are IKK. */
export const bnn: AgencyProfile = {
  id: 'bnn',
  extends: 'generic',
  description: 'Badan Narkotika Nasional: BNNP, BNNK, BNN Kota',
  agencyNames: ['Badan Narkotika Nasional', 'BNN', 'BNNP', 'BNNK'],
  offices: [
    { kind: 'province', prefixes: ['BNNP', 'BNN Provinsi', 'BNN Prov.', 'Badan Narkotika Nasional Provinsi'], display: 'BNNP {place}' },
    { kind: 'city', prefixes: ['BNN Kota', 'BNNK Kota', 'Badan Narkotika Nasional Kota'], display: 'BNN Kota {place}' },
    { kind: 'regency', prefixes: ['BNNK', 'BNN Kabupaten', 'BNN Kab.', 'Badan Narkotika Nasional Kabupaten'], display: 'BNNK {place}' },
  ],
  indicatorAcronyms: ['IKK', 'IKU'],
  indicatorTerms: {},
  headerSynonyms: { unit: ['bnnp/bnnk', 'bnnk', 'bnnp'] },
  lowerIsBetter: [],
  // Drug abuse should go down; rehabilitation counts those helped out of it.
  lowerIsBetterHints: ['penyalahgunaan'],
  higherDespite: ['rehabilitasi'],
  // Words that follow an office's name in these reports: programme names, services.
  stopWords: ['bnn', 'bnnp', 'bnnk', 'goes', 'pasiar', 'klinik', 'rutan', 'mobil'],
  nameSpellings: [
    [/\bbnnk\s*\/\s*kota\b/g, ' bnn kabkota '],
    [/\bpeny[ae]l[ae]h?\s*gunaan\b/g, ' penyalahgunaan '],
    [/\bpeny[ae]l[ae]h?\s*guna\b/g, ' penyalahguna '],
    [/\bnarkotika\b/g, ' narkoba '],
    [/\bnon[-\s]+narkoba\b/g, ' nonnarkoba '],
    [/\brehabilitas\b/g, ' rehabilitasi '],
    [/\bkemanan\b/g, ' keamanan '],
    [/\bp\s*-\s*21\b/g, ' p21 '],
  ],
};
