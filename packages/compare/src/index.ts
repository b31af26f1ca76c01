export { compareDocuments, compareDigests } from './compare.js';
export { digestDocument, type DocumentDigest, type DigestIndicator, type DigestBand } from './digest.js';
export { comparableDocument } from './summary.js';
export { matchIndicators, MATCH_THRESHOLDS, type IndicatorRow, type MatchResult, type MatchSource, type MatchableIndicator } from './matching.js';
export { nameSimilarity, nameWords, placeWords, wordSimilarity, WordWeights } from './similarity.js';
export {
  median,
  medianAbsoluteDeviation,
  modifiedZScores,
  robustOutliers,
  MAD_SCALE,
  MODIFIED_Z_THRESHOLD,
  OUTLIER_MIN_COUNT,
  RELATIVE_MAD_FLOOR,
  type Outlier,
  type OutlierOptions,
  type RobustSummary,
} from './statistics.js';
export { unitClassOf, normaliseUnit, displayUnit, targetKindOf, type UnitClass, type TargetKind } from './units-of-measure.js';
export { provinceAchievement, provinceCell } from './flags.js';
export { achievementBand, ACHIEVEMENT_BANDS, type AchievementBand } from './achievement-bands.js';
export { shortLabel, documentLabels } from './labels.js';
export { countFindings, standing, type TargetStanding } from './document-summary.js';
export { renderHtmlReport, escapeHtml, type HtmlReportOptions } from './html-report.js';
export { historyView, officeKey, type HistoryView, type HistoryIndicator, type HistoryRole, type OwnFigure, type PriorFigure, type StatedNumber } from './history/view.js';
export { checkHistory, sameEntity, type HistoryFinding, type HistoryCheckOptions } from './history/check.js';
export { flagMessages, formatNumber, type HistoryWords } from './messages.js';
export { formatCsv, csvField, CSV_COLUMNS, UTF8_BOM } from './csv.js';
export type * from './types.js';
