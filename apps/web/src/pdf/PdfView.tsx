import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Severity } from '@lkip/engine';
import type { PdfPlace } from '../lint/protocol.ts';

/** A finding as a box on its page. */
export interface PdfBox {
  key: string;
  place: PdfPlace;
  severity: Severity;
  label: string;
}

export interface PdfViewHandle {
  /** Scrolls `place` to the middle of the view; with `flash`, marks it for a moment (a related place). */
  show(place: PdfPlace, flash?: boolean): void;
}

export interface PdfViewProps {
  /** The PDF itself (a copy is handed to pdf.js). */
  bytes: ArrayBuffer;
  pageSizes: readonly { width: number; height: number }[];
  boxes: readonly PdfBox[];
  activeKey: string | undefined;
  onActivate(key: string): void;
  label: string;
  pageLabel(page: number): string;
}

const SEVERITY_CLASS: Record<Severity, string> = { 2: 'error', 1: 'warning', 0: 'info' };
const GAP = 12;

/** pdf.js for drawing pages, loaded with the first PDF, its worker beside the page. */
async function loadPdfjs() {
  const [pdfjs, { default: workerSrc }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  return pdfjs;
}

/**
 * The PDF's pages as pdf.js draws them, each finding a box on its page. Pages are laid out at
 * once from their sizes (so the scroll height is right from the start) and drawn when they come
 * near the view; a box is a button: a click makes its finding the active one.
 */
export const PdfView = forwardRef<PdfViewHandle, PdfViewProps>(function PdfView(props, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [width, setWidth] = useState(800);
  const [flash, setFlash] = useState<PdfPlace>();
  const widest = Math.max(1, ...props.pageSizes.map((p) => p.width));
  // Fit the widest page to the pane, never above twice its size.
  const scale = Math.min(2, Math.max(0.3, (width - 2 * GAP) / widest));

  useEffect(() => {
    let live = true;
    let loaded: PDFDocumentProxy | undefined;
    void loadPdfjs().then(async (pdfjs) => {
      // No eval, and glyphs drawn as paths: nothing the page's security policy would refuse.
      const task = pdfjs.getDocument({ data: new Uint8Array(props.bytes.slice(0)), isEvalSupported: false, disableFontFace: true, verbosity: 0 });
      loaded = await task.promise;
      if (live) setDoc(loaded);
      else void loaded.destroy();
    });
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [props.bytes]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const tops = props.pageSizes.reduce<number[]>((acc, p, i) => [...acc, (acc[i] ?? GAP) + p.height * scale + GAP], [GAP]);

  useImperativeHandle(
    ref,
    () => ({
      show(place, marked) {
        const el = scroller.current;
        if (!el) return;
        const y = (tops[place.page - 1] ?? 0) + ((place.bbox[1] + place.bbox[3]) / 2) * scale;
        el.scrollTo({ top: Math.max(0, y - el.clientHeight / 2) });
        if (marked) setFlash(place);
      },
    }),
    [tops, scale],
  );

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(undefined), 2000);
    return () => clearTimeout(timer);
  }, [flash]);

  return (
    <div className="pdf-view" ref={scroller} data-testid="pdf-view" aria-label={props.label} role="document">
      {props.pageSizes.map((size, i) => {
        const page = i + 1;
        const boxes = props.boxes.filter((b) => b.place.page === page);
        return (
          <div
            key={page}
            className="pdf-page"
            data-page={page}
            aria-label={props.pageLabel(page)}
            role="region"
            style={{ width: size.width * scale, height: size.height * scale, top: tops[i], left: Math.max(GAP, (width - size.width * scale) / 2) }}
          >
            {doc ? <PageCanvas doc={doc} page={page} scale={scale} root={scroller} /> : null}
            {boxes.map((box) => (
              <button
                key={box.key}
                type="button"
                className={`pdf-box ${SEVERITY_CLASS[box.severity]}${box.key === props.activeKey ? ' active' : ''}`}
                data-testid="pdf-box"
                data-key={box.key}
                title={box.label}
                aria-label={box.label}
                style={boxStyle(box.place, scale)}
                onClick={() => props.onActivate(box.key)}
              />
            ))}
            {flash?.page === page ? <div className="pdf-flash" data-testid="pdf-flash" style={boxStyle(flash, scale)} /> : null}
          </div>
        );
      })}
      <div style={{ height: (tops[tops.length - 1] ?? 0) + GAP }} aria-hidden="true" />
    </div>
  );
});

function boxStyle(place: PdfPlace, scale: number) {
  const [x0, y0, x1, y1] = place.bbox;
  // A little larger than the text: the box frames the figure without hiding it.
  return { left: x0 * scale - 2, top: y0 * scale - 2, width: Math.max(6, (x1 - x0) * scale + 4), height: Math.max(6, (y1 - y0) * scale + 4) };
}

/** One page's canvas, drawn when it comes within a screen of the view, again when the scale changes. */
function PageCanvas({ doc, page, scale, root }: { doc: PDFDocumentProxy; page: number; scale: number; root: React.RefObject<HTMLDivElement | null> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | undefined;
    const draw = async () => {
      const proxy = await doc.getPage(page);
      if (cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = proxy.getViewport({ scale: scale * ratio });
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      const context = el.getContext('2d');
      if (!context) return;
      task = proxy.render({ canvas: el, canvasContext: context, viewport });
      await task.promise.catch(() => undefined);
      if (!cancelled) el.dataset.drawn = 'true';
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void draw();
        }
      },
      { root: root.current, rootMargin: '100% 0px' },
    );
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
      task?.cancel();
    };
  }, [doc, page, scale, root]);
  return <canvas ref={canvas} className="pdf-canvas" data-testid="pdf-canvas" aria-hidden="true" />;
}
