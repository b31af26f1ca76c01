/**
 * Colour bands for achievement (capaian) in heat maps, from the three tallies every LKIP uses
 * (di atas / sesuai / di bawah target), with "below" split further because 95 % and 40 % call
 * for different conversations with a province.
 */
export interface AchievementBand {
  id: 'exceeds' | 'meets' | 'near' | 'below' | 'far-below' | 'none';
  /** Lower bound, inclusive (exceeds: exclusive of 100). */
  min: number;
  labels: { en: string; id: string };
  background: string;
  foreground: string;
}

export const ACHIEVEMENT_BANDS: readonly AchievementBand[] = [
  { id: 'exceeds', min: 100, labels: { en: 'above target (> 100 %)', id: 'di atas target (> 100 %)' }, background: '#1a7f37', foreground: '#ffffff' },
  { id: 'meets', min: 100, labels: { en: 'at target (100 %)', id: 'sesuai target (100 %)' }, background: '#7cc48a', foreground: '#0b2912' },
  { id: 'near', min: 90, labels: { en: 'below target, 90–100 %', id: 'di bawah target, 90–100 %' }, background: '#f2d46b', foreground: '#3b2f00' },
  { id: 'below', min: 75, labels: { en: 'below target, 75–90 %', id: 'di bawah target, 75–90 %' }, background: '#f0a05a', foreground: '#3a1a00' },
  { id: 'far-below', min: -Infinity, labels: { en: 'far below target (< 75 %)', id: 'jauh di bawah target (< 75 %)' }, background: '#c9302c', foreground: '#ffffff' },
  { id: 'none', min: Number.NaN, labels: { en: 'no figure', id: 'tidak ada angka' }, background: '#e8e8e8', foreground: '#555555' },
];

// Achievements are stated with two decimals at most; 100.004 is still "sesuai target".
const AT_TARGET_TOLERANCE = 0.005;

export function achievementBand(value: number | null | undefined): AchievementBand {
  const bands = ACHIEVEMENT_BANDS;
  const find = (id: AchievementBand['id']) => bands.find((b) => b.id === id) as AchievementBand;
  if (value === null || value === undefined || !Number.isFinite(value)) return find('none');
  if (Math.abs(value - 100) < AT_TARGET_TOLERANCE) return find('meets');
  if (value > 100) return find('exceeds');
  if (value >= 90) return find('near');
  if (value >= 75) return find('below');
  return find('far-below');
}
