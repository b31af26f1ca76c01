import { z } from 'zod';
import { Position, TextSpan } from './position.js';
import { Quantity } from './quantity.js';

export const PlaceKind = z.enum([
  'summary', // Ikhtisar Eksekutif
  'pk', // the Perjanjian Kinerja table in BAB II
  'chapter-table', // a table in an indicator section of BAB III
  'chapter-prose', // a sentence in an indicator section of BAB III
  'appendix', // the Lampiran summary table
  'recap', // REKAPITULASI tables
  'signed-pk', // a unit's own signed PK document in the appendix
  'prose', // any other sentence
  'closing', // BAB IV
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

/** Where a figure was stated: the kind of place, and the table cell when it sits in a table. */
export const Place = z
  .object({
    kind: PlaceKind,
    sectionId: z.string().optional(),
    tableId: z.string().optional(),
    row: z.int().min(0).optional(),
    column: z.int().min(0).optional(),
    /** A human description: "tabel capaian per satker, baris Batu Merah". */
    label: z.string().optional(),
  })
  .meta({ id: 'Place' });
export type Place = z.infer<typeof Place>;

export const UnitKind = z.enum(['province', 'regency', 'city', 'other']);

/** A reporting office (satker): "BCNP Teluk Biru", "BCNK Batu Merah", "BCN Kota Lembah Hijau" … with every spelling seen. */
export const ReportingUnit = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: UnitKind,
    /** The place name without the office prefix ("Batu Merah", "Kota Lembah Hijau"). */
    placeName: z.string(),
    spellings: z.array(z.string()),
    position: Position.optional(),
  })
  .meta({ id: 'ReportingUnit' });
export type ReportingUnit = z.infer<typeof ReportingUnit>;

export const Goal = z
  .object({
    id: z.string(),
    number: z.int().optional(),
    name: z.string(),
    position: Position.optional(),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof Goal>;

export const Polarity = z.enum(['higher-is-better', 'lower-is-better']);
export type Polarity = z.infer<typeof Polarity>;

export const Indicator = z
  .object({
    id: z.string(),
    number: z.int().optional(),
    name: z.string(),
    /** Every spelling of the name met in the draft, as written. */
    names: z.array(z.string()),
    /** The normalised key used to match spellings. */
    key: z.string(),
    goalId: z.string().optional(),
    unitOfMeasure: z.string().optional(),
    /**
     * "Jumlah Kab/Kota dengan <measure> berkategori <category>" / "… mencapai target": the indicator
     * counts units; `countOf` names what is measured per unit and the criterion.
     */
    countOf: z
      .object({
        measureName: z.string(),
        criterion: z.enum(['category', 'target']),
        category: z.string().optional(),
      })
      .optional(),
    polarity: Polarity,
    polaritySource: z.enum(['default', 'stated', 'config']),
    sectionId: z.string().optional(),
    position: Position.optional(),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof Indicator>;

export const MeasurementRole = z.enum(['target', 'realisation', 'achievement', 'category']);
export type MeasurementRole = z.infer<typeof MeasurementRole>;

/**
 * One statement of one figure: indicator × unit × year × role, at one place. The same figure
 * stated in five places gives five measurements; cross-reference rules compare them.
 */
export const Measurement = z
  .object({
    id: z.string(),
    indicatorId: z.string(),
    /** Absent when the figure is about the whole report (the indicator's own aggregate). */
    unitId: z.string().optional(),
    /** The row is an aggregate over units ("Rata-rata Provinsi", "IKP TB"). */
    aggregate: z.boolean().optional(),
    year: z.int(),
    role: MeasurementRole,
    /**
     * For "Jumlah Kab/Kota dengan Indeks X berkategori Tinggi" indicators the draft states two
     * things: the count of districts (`indicator`) and each unit's own index X (`unit-value`).
     * Every other indicator only has `indicator` figures.
     */
    measure: z.enum(['indicator', 'unit-value']),
    /** Numeric figure (target, realisation, achievement). */
    quantity: Quantity.optional(),
    /**
     * Figures stated together share a statement id: one table row, or one clause of prose
     * ("target 3.06 Indeks, realisasi 3.8 Indeks atau sebesar 124.2 %").
     */
    statement: z.string(),
    /** Category label (role "category"). */
    label: TextSpan.optional(),
    place: Place,
    position: Position,
  })
  .meta({ id: 'Measurement' });
export type Measurement = z.infer<typeof Measurement>;

export const Band = z
  .object({
    label: z.string(),
    /** A second label in the same row ("A" beside "Sangat Mandiri"). */
    altLabels: z.array(z.string()).optional(),
    min: Quantity.optional(),
    max: Quantity.optional(),
    minInclusive: z.boolean(),
    maxInclusive: z.boolean(),
    position: Position,
  })
  .meta({ id: 'Band' });
export type Band = z.infer<typeof Band>;

/** A category scale defined in the draft (or in the config): bands of values with labels. */
export const CategoryScale = z
  .object({
    id: z.string(),
    name: z.string(),
    indicatorIds: z.array(z.string()),
    bands: z.array(Band),
    source: z.enum(['list', 'table', 'prose', 'config']),
    /** Values are stated as percentages of the maximum (NKA "lebih dari 90%"). */
    percentOfMax: z.boolean().optional(),
    position: Position,
  })
  .meta({ id: 'CategoryScale' });
export type CategoryScale = z.infer<typeof CategoryScale>;

/** A displayed "Perhitungan Capaian" fraction: numerator / denominator × 100 % = stated. */
export const Fraction = z
  .object({
    id: z.string(),
    indicatorId: z.string().optional(),
    unitId: z.string().optional(),
    numerator: Quantity,
    denominator: Quantity,
    /** 100 when the fraction is shown "× 100 %", 1 otherwise. */
    multiplier: z.number(),
    stated: Quantity,
    layout: z.enum(['latex', 'text-two-line', 'inline']),
    position: Position,
  })
  .meta({ id: 'Fraction' });
export type Fraction = z.infer<typeof Fraction>;

export const NumberWord = z
  .object({
    text: z.string(),
    value: z.number(),
    position: Position,
  })
  .meta({ id: 'NumberWord' });
export type NumberWord = z.infer<typeof NumberWord>;

export const CountSubject = z.enum([
  'goals', // Sasaran Kegiatan / Sasaran Strategis
  'indicators', // IKK / IKU
  'programs',
  'activities', // Kegiatan
  'outputs', // Klasifikasi Rincian Output
  'staff', // orang / pegawai
  'units', // Kab/Kota, an office prefix
  'other',
]);
export type CountSubject = z.infer<typeof CountSubject>;

export const TallyClaim = z
  .object({
    kind: z.literal('tally'),
    above: Quantity.optional(),
    at: Quantity.optional(),
    below: Quantity.optional(),
    aboveWord: NumberWord.optional(),
    atWord: NumberWord.optional(),
    belowWord: NumberWord.optional(),
    place: Place,
    position: Position,
  })
  .meta({ id: 'TallyClaim' });

export const CountClaim = z
  .object({
    kind: z.literal('count'),
    count: Quantity,
    word: NumberWord.optional(),
    noun: z.string(),
    subject: CountSubject,
    place: Place,
    position: Position,
  })
  .meta({ id: 'CountClaim' });

/** "realisasi 2 Kab/Kota berkategori Tinggi": a count of units in a category for an indicator. */
export const CategoryCountClaim = z
  .object({
    kind: z.literal('category-count'),
    indicatorId: z.string(),
    category: z.string(),
    /** The claim counts units at or above the category ("berkategori Tinggi" counts Sangat Tinggi too). */
    atLeast: z.boolean(),
    count: Quantity,
    unitIds: z.array(z.string()),
    place: Place,
    position: Position,
  })
  .meta({ id: 'CategoryCountClaim' });

export const YearClaim = z
  .object({
    kind: z.literal('year'),
    year: z.int(),
    /** fiscal-year: "tahun anggaran 2023"; report-year: "Laporan Kinerja … Tahun 2023"; comparison: a year list. */
    context: z.enum(['fiscal-year', 'report-year', 'comparison', 'other']),
    /** The sentence speaks of the present ("pada tahun anggaran 2023 Pemerintah mengalokasikan"). */
    present: z.boolean(),
    /** The sentence compares years ("dibandingkan", "tahun sebelumnya", "s.d."). */
    comparison: z.boolean(),
    text: z.string(),
    place: Place,
    position: Position,
  })
  .meta({ id: 'YearClaim' });

export const YearListClaim = z
  .object({
    kind: z.literal('year-list'),
    years: z.array(z.object({ year: z.int(), position: Position })),
    /**
     * list: "tahun 2022 dan 2024"; contrast: "Tahun 2023 … sedangkan Tahun 2023 …", the years a
     * sentence sets against each other.
     */
    form: z.enum(['list', 'contrast']),
    /** Years the same sentence names outside the list ("pada Tahun 2024 … sama dengan Tahun 2022 dan 2024"). */
    otherYears: z.array(z.int()),
    text: z.string(),
    place: Place,
    position: Position,
  })
  .meta({ id: 'YearListClaim' });

/** A percentage or value stated in prose for an indicator ("realisasi 94.50 Indeks atau 106,2 %"). */
export const Claim = z
  .discriminatedUnion('kind', [TallyClaim, CountClaim, CategoryCountClaim, YearClaim, YearListClaim])
  .meta({ id: 'Claim' });
export type Claim = z.infer<typeof Claim>;
export type TallyClaim = z.infer<typeof TallyClaim>;
export type CountClaim = z.infer<typeof CountClaim>;
export type CategoryCountClaim = z.infer<typeof CategoryCountClaim>;
export type YearClaim = z.infer<typeof YearClaim>;
export type YearListClaim = z.infer<typeof YearListClaim>;

/** A formula the draft states: NKA = 60% × EKA + 40% × IKPA; ZI = Pengungkit + Hasil. */
export const Formula = z
  .object({
    id: z.string(),
    /** What is computed ("NKA", "Nilai Akhir"). */
    result: z.string(),
    kind: z.enum(['weighted-sum', 'sum', 'ratio', 'mean']),
    terms: z.array(z.object({ name: z.string(), weight: z.number().optional() })),
    text: z.string(),
    indicatorIds: z.array(z.string()),
    /**
     * The tables the formula is applied to: which column holds the result and which hold the
     * terms, in the order of `terms`.
     */
    applications: z.array(
      z.object({
        tableId: z.string(),
        resultColumn: z.int().min(0),
        termColumns: z.array(z.int().min(0)),
        /**
         * Term columns whose header names another term (a header copied from its neighbour): the
         * column stands where the term belongs, so the formula applies, and the header is wrong.
         */
        mislabelled: z.array(z.object({ column: z.int().min(0), header: z.string(), expected: z.string(), position: Position })).optional(),
      }),
    ),
    /** Where the formula comes from: written out ("NKA = 60% × EKA + …"), a header, or weights stated for named components in a sentence or a table. */
    source: z.enum(['written', 'header', 'weights-sentence', 'weights-table']).optional(),
    position: Position,
  })
  .meta({ id: 'Formula' });
export type Formula = z.infer<typeof Formula>;

/** A budget line (pagu, realisation, percentage, remainder) for an activity, a goal or a unit. */
export const BudgetLine = z
  .object({
    id: z.string(),
    label: z.string(),
    number: z.int().optional(),
    unitId: z.string().optional(),
    indicatorIds: z.array(z.string()).optional(),
    ceiling: Quantity.optional(),
    realisation: Quantity.optional(),
    percent: Quantity.optional(),
    remainder: Quantity.optional(),
    remainderPercent: Quantity.optional(),
    /** The line is a total ("Total", "JUMLAH", "total alokasi anggaran"). */
    total: z.boolean(),
    /** Lines that belong to one list (one PK's activity list, one appendix table) share a group. */
    group: z.string(),
    place: Place,
    position: Position,
  })
  .meta({ id: 'BudgetLine' });
export type BudgetLine = z.infer<typeof BudgetLine>;

export const TableKind = z.enum([
  'unit-measurement', // per-unit Target / Realisasi / % / Kategori
  'indicator-summary', // one indicator, Target / Realisasi / %
  'pk', // Sasaran / Indikator / Target
  'appendix-summary', // Lampiran: indicators with budget per goal
  'recap', // REKAPITULASI
  'budget', // activities with Rp amounts
  'staff', // POLRI / PNS / JML
  'band', // category intervals
  'component', // NKA / IKPA / ZI components
  'other',
]);
export type TableKind = z.infer<typeof TableKind>;

export const Cell = z
  .object({
    text: z.string(),
    position: Position,
    /** The figures the cell holds, read with the Indonesian number reader. */
    quantities: z.array(Quantity),
  })
  .meta({ id: 'Cell' });
export type Cell = z.infer<typeof Cell>;

/**
 * The part a column plays, read from its header words (and an agency profile's header synonyms).
 * Generic checks (a row's capaian, a budget row, a change column) need nothing else.
 */
export const ColumnRole = z.enum([
  'number', // No. / Nomor
  'label', // the row's subject when it is not an indicator or an office (kegiatan, uraian, komponen)
  'indicator',
  'goal', // sasaran
  'unit', // the reporting office of the row
  'measure-unit', // satuan
  'target',
  'realisation',
  'achievement', // capaian, % capaian
  'category', // kategori, predikat, kriteria
  'ceiling', // pagu, anggaran
  'spent', // realisasi anggaran
  'spent-percent', // % realisasi anggaran
  'remaining', // sisa, selisih
  'year', // a column headed by a year (2022, Tahun 2023, Realisasi 2024)
  'change', // perubahan, kenaikan/penurunan, growth
  'weight', // bobot
  'score', // nilai, skor
  'interval', // band bounds
  'other',
]);
export type ColumnRole = z.infer<typeof ColumnRole>;

/** Layouts a table is read from: Markdown tables, Word, and the text layouts PDF converters give. */
export const TableFormat = z.enum([
  'tsv', // tab-separated rows
  'gfm', // GFM pipe table
  'html', // <table> inside Markdown
  'docx',
  'text',
  'aligned', // columns aligned with runs of spaces (pdftotext -layout)
  'lines', // one cell per line (plain pdftotext, copy-paste from a PDF viewer)
  'flat', // one row per line, cells separated by single spaces, multi-word labels
]);
export type TableFormat = z.infer<typeof TableFormat>;

/** A table as found in the draft, after merged headers are resolved. */
export const RawTable = z
  .object({
    id: z.string(),
    kind: TableKind,
    format: TableFormat,
    /** The role of each column (same length as `columns`), when it could be read with confidence. */
    roles: z.array(ColumnRole).optional(),
    /** The year a column is about ("2023", "Realisasi 2024"), per column; null where none. */
    years: z.array(z.int().nullable()).optional(),
    caption: z.string().optional(),
    /** One name per column, merged header rows joined ("Anggaran Pagu"). */
    columns: z.array(z.string()),
    headerRows: z.int().min(0),
    rows: z.array(z.array(Cell)),
    sectionId: z.string().optional(),
    indicatorId: z.string().optional(),
    position: Position,
  })
  .meta({ id: 'RawTable' });
export type RawTable = z.infer<typeof RawTable>;

export const SectionKind = z.enum([
  'front',
  'summary',
  'introduction',
  'planning',
  'pk',
  'accountability',
  'indicator',
  'financial',
  'closing',
  'appendix',
  'signed-pk',
  'recap',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const Section = z
  .object({
    id: z.string(),
    kind: SectionKind,
    title: z.string(),
    indicatorId: z.string().optional(),
    unitId: z.string().optional(),
    parentId: z.string().optional(),
    position: Position,
  })
  .meta({ id: 'Section' });
export type Section = z.infer<typeof Section>;

export const Diagnostic = z
  .object({
    severity: z.enum(['error', 'warning', 'info']),
    code: z.string(),
    message: z.string(),
    position: Position.optional(),
  })
  .meta({ id: 'Diagnostic' });
export type Diagnostic = z.infer<typeof Diagnostic>;

/** `<!-- lkip-disable-next-line rule-id -- reason -->` and friends, read from the draft's comments. */
export const Directive = z
  .object({
    kind: z.enum(['disable', 'enable', 'disable-line', 'disable-next-line']),
    /** Empty means every rule. */
    ruleIds: z.array(z.string()),
    reason: z.string().optional(),
    position: Position,
  })
  .meta({ id: 'Directive' });
export type Directive = z.infer<typeof Directive>;

/**
 * A sentence of prose (or a list item, a heading line, a displayed formula) that states at least
 * one figure, with every figure it states. Rules that check what prose says about tables and
 * about its own figures (restated table figures, parts against a stated total, stated averages)
 * read these; `text` is the exact source slice, so `quantity.position.offset - position.offset`
 * indexes into it.
 */
export const Sentence = z
  .object({
    id: z.string(),
    kind: z.enum(['sentence', 'list-item', 'heading', 'formula']),
    text: z.string(),
    sectionId: z.string().optional(),
    quantities: z.array(Quantity),
    position: Position,
  })
  .meta({ id: 'Sentence' });
export type Sentence = z.infer<typeof Sentence>;

/**
 * "meliputi 5 aspek, yaitu: a, b, c, d dan e": a count the draft states and the items it lists
 * for it, inline after "yaitu/yakni/meliputi/terdiri dari/antara lain" or as the list that follows.
 */
export const Enumeration = z
  .object({
    id: z.string(),
    count: z.int().min(0),
    /** The count as written ("5", "empat", "3 (tiga)"). */
    countText: z.string(),
    /** The words the count counts ("aspek", "sub komponen"). */
    noun: z.string(),
    /** exact: "yaitu", "meliputi", "terdiri dari"; partial: "antara lain", "di antaranya", "dll." (examples only). */
    completeness: z.enum(['exact', 'partial']),
    form: z.enum(['inline', 'list']),
    items: z.array(TextSpan),
    /** Some item holds a "dan"/"serta" that may join two items: fewer items than the count is no proof. */
    ambiguous: z.boolean(),
    countPosition: Position,
    position: Position,
  })
  .meta({ id: 'Enumeration' });
export type Enumeration = z.infer<typeof Enumeration>;

/** An office named in prose or in a table's text cell. */
export const OfficeMention = z
  .object({
    /** The unit named; absent when the words name only a kind of office ("<acronym> Kota" and no place). */
    unitId: z.string().optional(),
    kind: UnitKind,
    text: z.string(),
    /** The place words read after the office prefix; absent when none follow ("<acronym> Kota dengan …"). */
    place: z.string().optional(),
    /** Named as a partner ("bekerja sama dengan …", "bersama …", "kepada …"), not as the one that acts. */
    partner: z.boolean(),
    /** A mention in a table cell: the table, row (0-based, body rows) and column. */
    tableId: z.string().optional(),
    row: z.int().min(0).optional(),
    column: z.int().min(0).optional(),
    position: Position,
  })
  .meta({ id: 'OfficeMention' });
export type OfficeMention = z.infer<typeof OfficeMention>;

/**
 * The part of a chapter given to one office: a sub-heading that names that office alone
 * ("4. Kantor Kabupaten Lembah Hijau") and the paragraphs under it, up to the next such heading
 * or the next lettered part.
 */
export const OfficePart = z
  .object({
    unitId: z.string(),
    heading: Position,
    paragraphs: z.array(Position),
    position: Position,
  })
  .meta({ id: 'OfficePart' });
export type OfficePart = z.infer<typeof OfficePart>;

/** "Untuk mendukung IKU tersebut … melakukan kegiatan X": the activities a draft names for one indicator. */
export const SupportingActivity = z
  .object({
    indicatorId: z.string(),
    text: z.string(),
    place: Place,
    position: Position,
  })
  .meta({ id: 'SupportingActivity' });
export type SupportingActivity = z.infer<typeof SupportingActivity>;

/**
 * A sub-heading inside one indicator's section that names an indicator again ("b. Metode
 * Pengukuran dan Analisis Realisasi IKU <name> tahun 2024 …"), matched to the draft's indicators.
 */
export const IndicatorMention = z
  .object({
    indicatorId: z.string(),
    /** The indicator whose section the sub-heading stands in. */
    sectionIndicatorId: z.string(),
    text: z.string(),
    position: Position,
  })
  .meta({ id: 'IndicatorMention' });
export type IndicatorMention = z.infer<typeof IndicatorMention>;

/**
 * "Tahun 2023 nilai … 77.91 indeks berkategori “Baik”", "Indeks X Provinsi Y berkategori
 * “Tinggi”": a category stated in prose for an indicator, with the value beside it when the
 * sentence gives one, the office it is about when it names one, and the year it speaks of.
 */
export const CategoryStatement = z
  .object({
    indicatorId: z.string(),
    unitId: z.string().optional(),
    year: z.int(),
    label: TextSpan,
    value: Quantity.optional(),
    place: Place,
    position: Position,
  })
  .meta({ id: 'CategoryStatement' });
export type CategoryStatement = z.infer<typeof CategoryStatement>;

export const DocumentMeta = z
  .object({
    title: z.string().optional(),
    agency: z.string().optional(),
    province: z.string().optional(),
    /** The agency profile the draft was read with (configured, or detected from its title). */
    profile: z.string().optional(),
    /** What the draft calls its indicators ("IKU", "IKK", "IKSS"), from its own text or its profile. */
    indicatorAcronym: z.string().optional(),
    fiscalYear: z.int().optional(),
    fiscalYearPosition: Position.optional(),
    signing: z
      .object({
        place: z.string(),
        date: z.string(),
        position: Position,
      })
      .optional(),
  })
  .meta({ id: 'DocumentMeta' });
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const LkipDocument = z
  .object({
    schemaVersion: z.literal(1),
    source: z.object({
      path: z.string().optional(),
      format: z.enum(['markdown', 'docx', 'text']),
      length: z.int().min(0),
    }),
    meta: DocumentMeta,
    units: z.array(ReportingUnit),
    goals: z.array(Goal),
    indicators: z.array(Indicator),
    measurements: z.array(Measurement),
    scales: z.array(CategoryScale),
    fractions: z.array(Fraction),
    claims: z.array(Claim),
    formulas: z.array(Formula),
    budget: z.array(BudgetLine),
    tables: z.array(RawTable),
    sections: z.array(Section),
    sentences: z.array(Sentence),
    enumerations: z.array(Enumeration),
    officeMentions: z.array(OfficeMention),
    officeParts: z.array(OfficePart),
    activities: z.array(SupportingActivity),
    categoryStatements: z.array(CategoryStatement),
    indicatorMentions: z.array(IndicatorMention),
    directives: z.array(Directive),
    diagnostics: z.array(Diagnostic),
  })
  .meta({ id: 'LkipDocument', title: 'LKIP document model' });
export type LkipDocument = z.infer<typeof LkipDocument>;
