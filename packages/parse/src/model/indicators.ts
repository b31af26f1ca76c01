import type { Goal, Indicator } from '@lkip/schema';
import { bestNameMatch, bestWordsMatch, countPatternOf, indicatorKey, indicatorWords, prepareCandidates, type AcronymMap, type PreparedCandidates } from './indicator-names.js';

export interface IndicatorSeed {
  name: string;
  number?: number;
  goal?: string;
  unitOfMeasure?: string;
  position?: Indicator['position'];
  sectionId?: string;
}

export interface IndicatorLookup {
  name: string;
  number?: number;
  goal?: string;
  /** The figure belongs to a district office: a "Nilai Kinerja Anggaran" row then means the count indicator built on it. */
  district?: boolean;
}

/** Whether `name` holds one of `phrases` as whole words, in any case. */
function hasPhrase(name: string, phrases: readonly string[]): boolean {
  const words = ` ${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return phrases.some((p) => words.includes(` ${p.toLowerCase().trim()} `));
}

/** The draft's indicators and the matching of every other spelling to them. */
export class IndicatorRegistry {
  readonly indicators: Indicator[] = [];
  readonly goals: Goal[] = [];
  private readonly goalWords = new Map<string, string[]>();
  /** Names met in the draft that matched no indicator, with where they were met. */
  readonly unmatched: { name: string; offset: number }[] = [];
  private readonly wordCache = new Map<string, string[]>();
  private readonly matchCache = new Map<string, Indicator | undefined>();
  private readonly preparedCandidates = new Map<string, PreparedCandidates>();

  constructor(
    private readonly extraStop: ReadonlySet<string>,
    private readonly acronyms: AcronymMap,
    /** The profile's lower-is-better words ("prevalensi"): an indicator named with one is lower-is-better. */
    private readonly lowerIsBetter: readonly string[] = [],
  ) {}

  add(seed: IndicatorSeed): Indicator {
    const name = seed.name.replace(/\s+/g, ' ').trim();
    const indicator: Indicator = {
      id: `i${this.indicators.length + 1}`,
      name,
      names: [name],
      key: indicatorKey(name),
      polarity: 'higher-is-better',
      polaritySource: 'default',
    };
    if (seed.number !== undefined) indicator.number = seed.number;
    if (seed.unitOfMeasure) indicator.unitOfMeasure = seed.unitOfMeasure;
    if (seed.position) indicator.position = seed.position;
    if (seed.sectionId) indicator.sectionId = seed.sectionId;
    const count = countPatternOf(name);
    if (count) indicator.countOf = count;
    // "semakin kecil semakin baik": the draft states the polarity itself.
    if (/semakin\s+(kecil|rendah)\s+semakin\s+baik|lower is better/i.test(name)) {
      indicator.polarity = 'lower-is-better';
      indicator.polaritySource = 'stated';
    } else if (this.lowerIsBetter.length > 0 && hasPhrase(name, this.lowerIsBetter)) {
      indicator.polarity = 'lower-is-better';
      indicator.polaritySource = 'config';
    }
    if (seed.goal) indicator.goalId = this.goalFor(seed.goal).id;
    this.indicators.push(indicator);
    return indicator;
  }

  private goalFor(text: string): Goal {
    const name = text.replace(/\s+/g, ' ').trim();
    const words = indicatorWords(name, this.extraStop);
    const key = words.join(' ');
    for (const g of this.goals) if ((this.goalWords.get(g.id) ?? []).join(' ') === key) return g;
    const goal: Goal = { id: `g${this.goals.length + 1}`, number: this.goals.length + 1, name };
    this.goals.push(goal);
    this.goalWords.set(goal.id, words);
    return goal;
  }

  /** Finds the indicator a name (with optional number and goal) refers to; records the spelling. */
  match(lookup: IndicatorLookup, offset = -1): Indicator | undefined {
    const name = lookup.name.replace(/\s+/g, ' ').trim();
    // Recap and appendix rows repeat the same names many times over.
    const key = `${name}\u0000${lookup.number ?? ''}\u0000${lookup.goal ?? ''}\u0000${lookup.district ? 1 : 0}\u0000${this.indicators.length}`;
    if (this.matchCache.has(key)) {
      const cached = this.matchCache.get(key);
      if (!cached && offset >= 0 && name.length > 0) this.unmatched.push({ name, offset });
      return cached;
    }
    const found = this.matchUncached(lookup, name, offset);
    this.matchCache.set(key, found);
    return found;
  }

  private matchUncached(lookup: IndicatorLookup, name: string, offset: number): Indicator | undefined {
    let found = this.byName(name);
    if (!found && lookup.goal) found = this.byName(`${name} ${lookup.goal}`, true);
    if (!found && lookup.number !== undefined) {
      // A number alone is trusted only when the name is at least somewhat alike.
      const byNumber = this.indicators.find((i) => i.number === lookup.number);
      if (byNumber && this.similarity(name, byNumber) >= 0.25) found = byNumber;
    }
    if (found && lookup.district && !found.countOf) {
      const counted = this.countIndicatorMeasuring(found);
      if (counted) found = counted;
    }
    if (!found) {
      if (offset >= 0 && name.length > 0) this.unmatched.push({ name, offset });
      return undefined;
    }
    if (!found.names.includes(name) && name.length <= 300) found.names.push(name);
    return found;
  }

  byNumber(n: number): Indicator | undefined {
    return this.indicators.find((i) => i.number === n);
  }

  private words(text: string): string[] {
    let words = this.wordCache.get(text);
    if (!words) {
      words = indicatorWords(text, this.extraStop, this.acronyms);
      this.wordCache.set(text, words);
    }
    return words;
  }

  private byName(name: string, withGoals = false): Indicator | undefined {
    const m = bestWordsMatch(this.words(name), this.candidates(withGoals));
    return m ? this.indicators.find((i) => i.id === m.id) : undefined;
  }

  /**
   * The indicators as name candidates, prepared once for as long as no indicator is added: a
   * draft's tables look up hundreds of names against the same few indicators.
   */
  private candidates(withGoals: boolean): PreparedCandidates {
    const key = `${withGoals ? 'goals' : 'names'}:${this.indicators.length}`;
    let prepared = this.preparedCandidates.get(key);
    if (!prepared) {
      const candidates = this.indicators.map((i) => {
        const goal = withGoals && i.goalId ? this.goals.find((g) => g.id === i.goalId)?.name ?? '' : '';
        return { id: i.id, words: this.words(`${i.name} ${goal}`) };
      });
      prepared = prepareCandidates(candidates);
      this.preparedCandidates.set(key, prepared);
    }
    return prepared;
  }

  private similarity(name: string, indicator: Indicator): number {
    const m = bestNameMatch(name, [{ id: indicator.id, words: this.words(indicator.name) }], {
      minScore: 0,
      margin: 0,
      extraStop: this.extraStop,
      acronyms: this.acronyms,
    });
    return m?.score ?? 0;
  }

  /** The count indicator ("Jumlah <acronym> Kab/Kota dengan Nilai Kinerja Anggaran mencapai target") built on an indicator. */
  private countIndicatorMeasuring(indicator: Indicator): Indicator | undefined {
    const counts = this.indicators.filter((i) => i.countOf);
    if (counts.length === 0) return undefined;
    const candidates = counts.map((i) => ({ id: i.id, words: this.words(i.countOf?.measureName ?? '') }));
    const m = bestNameMatch(indicator.name, candidates, { extraStop: this.extraStop, acronyms: this.acronyms, minScore: 0.5 });
    return m ? counts.find((i) => i.id === m.id) : undefined;
  }
}
