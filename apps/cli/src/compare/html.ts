import { readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, parse as parsePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtmlReport, type Comparison } from '@lkip/compare';
import type { Locale } from '@lkip/engine';
import type { Io } from '../io.js';

const CHART_UMD = 'chart.umd.js';

/**
 * Where Chart.js's UMD build is: `chart.js` is a dependency of @lkip/compare, so it is resolved
 * from that package's folder (found through node_modules, from src/ and dist/ alike). Its
 * package exports do not list `dist/chart.umd.js`, so we resolve the CommonJS entry, which sits
 * in the same folder.
 */
export async function findChartScript(from: string = fileURLToPath(import.meta.url)): Promise<string | undefined> {
  const bases: string[] = [from];
  let dir = dirname(from);
  const { root } = parsePath(dir);
  while (true) {
    const candidate = join(dir, 'node_modules', '@lkip', 'compare', 'package.json');
    if (await stat(candidate).then((s) => s.isFile(), () => false)) bases.push(await realpath(candidate));
    if (dir === root) break;
    dir = dirname(dir);
  }
  for (const base of bases) {
    try {
      const entry = createRequire(base).resolve('chart.js');
      const umd = join(dirname(entry), CHART_UMD);
      if (await stat(umd).then((s) => s.isFile(), () => false)) return umd;
    } catch {
      // Not resolvable from this base; try the next.
    }
  }
  return undefined;
}

export async function formatHtml(comparison: Comparison, locale: Locale, io: Io): Promise<string> {
  const path = await findChartScript();
  const chartScript = path ? await readFile(path, 'utf8').catch(() => undefined) : undefined;
  // The report is still worth having without charts: the heat map and the lists are plain HTML.
  if (chartScript === undefined) io.stderr('lkip: Chart.js (chart.js/dist/chart.umd.js) not found; the report has no charts\n');
  return renderHtmlReport(comparison, { locale, ...(chartScript !== undefined ? { chartScript } : {}) });
}
