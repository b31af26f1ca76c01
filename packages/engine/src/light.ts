/**
 * What the CLI needs to report findings it already has (a cache hit, a formatter): results,
 * groups, identities and number wording, without the config schemas and the rule runner, whose
 * validation library costs more to load than the report does to print. `@lkip/engine/light`.
 */
export * from './types.js';
export { buildResult, withGroups, withGrouping, type Grouping } from './result.js';
export * from './groups/index.js';
export { fingerprint, fnv1a64 } from './fingerprint.js';
export { formatNumber, localizeRefs, engineMessage, STANDING_WORDS } from './messages.js';
export { fixRisk, type FixRisk } from './fix-safety.js';
export { standingOf, pointAchievement, achievementInterval } from './achievement.js';
export { compareCodeUnits } from './order.js';
