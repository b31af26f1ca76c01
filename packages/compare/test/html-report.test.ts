import { describe, expect, it } from 'vitest';
import { compareDocuments, renderHtmlReport, type Comparison } from '../src/index.js';
import { bnnIndicators, makeDoc } from './build.js';

function comparison(): Comparison {
  const provinces = ['Tanah Lada', 'Teluk Mutiara', 'Nusa <Karang> & "Co"'];
  return compareDocuments(
    provinces.map((province, i) => ({
      file: `p${i}/draft.md`,
      doc: makeDoc({
        province,
        fiscalYear: 2024,
        indicators: bnnIndicators(province).slice(0, 3),
        figures: [
          { indicator: 1, role: 'target', raw: '3', value: 3, quantityUnit: 'Kab/Kota', line: 10 },
          { indicator: 1, role: 'realisation', raw: '2', value: 2, quantityUnit: 'Kab/Kota', line: 10 },
          { indicator: 1, role: 'achievement', raw: '66.67 %', value: 66.67, percent: true, line: 10 },
        ],
      }),
      messages: i === 0 ? [{ ruleId: 'capaian-mismatch', severity: 2, message: 'x </script><script>alert(1)</script>', line: 10, column: 1, endLine: 10, endColumn: 2 }] : [],
    })),
  );
}

describe('renderHtmlReport', () => {
  const data = comparison();
  const html = renderHtmlReport(data, { chartScript: 'window.Chart = function () {}; /* "</script>" inside a library */', locale: 'en' });

  it('is one self-contained page: no external URL, no resource loaded from anywhere', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('embeds the comparison as JSON that reads back unchanged', () => {
    const match = /<script type="application\/json" id="lkip-compare-data">([\s\S]*?)<\/script>/.exec(html);
    expect(match).not.toBeNull();
    expect(JSON.parse(match?.[1] ?? '')).toEqual(data);
  });

  it('cannot be broken out of by text from a draft or by the inlined library', () => {
    // Exactly the page's own script elements: the data, the words, Chart.js and the page script.
    expect(html.match(/<script\b/g)).toHaveLength(4);
    expect(html.match(/<\/script>/g)).toHaveLength(4);
    expect(html).toContain('Nusa &lt;Karang&gt; &amp; &quot;Co&quot;');
  });

  it('draws a heat map with a cell per indicator and province, coloured by achievement band', () => {
    const table = /<table class="heatmap sortable"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table.match(/<tr data-indicator=/g)).toHaveLength(3);
    expect(table.match(/<td class="cell[^"]*" data-document=/g)).toHaveLength(9);
    expect(table).toContain('data-band="far-below"');
    expect(table).toMatch(/66\.7%<sup>!<\/sup>/);
    expect(html.match(/<canvas /g)).toHaveLength(3);
  });

  it('says when the charts are missing', () => {
    expect(renderHtmlReport(data, { locale: 'en' })).toContain('Charts are unavailable');
  });
});
