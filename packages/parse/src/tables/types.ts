import type { Position, TableFormat } from '@lkip/schema';

/** A stretch of source text: a table cell, or one part of a fraction. */
export interface SourceCell {
  text: string;
  position: Position;
}

/** A table as read from the draft, with its merged header resolved into column names. */
export interface TableBlock {
  /** 't1', 't2', … in document order (after merging page-break continuations). */
  id: string;
  format: TableFormat;
  /** Every row as in the source, header rows (also the repeated ones) included. */
  rows: SourceCell[][];
  /** Leading header rows, including a "1 2 3 4 …" column-number row. */
  headerRows: number;
  /** One name per column; stacked header cells joined with one space ("Anggaran Pagu"). */
  columns: string[];
  /** Data rows only, each aligned to `columns.length`; repeated header rows dropped. */
  body: SourceCell[][];
  /** The whole table, continuations included. */
  position: Position;
  caption?: string;
}
