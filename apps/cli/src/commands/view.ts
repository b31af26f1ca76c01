import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { readConfigFile } from '../config-file.js';
import { CliError } from '../errors.js';
import { displayPath } from '../formatters/display-path.js';
import { isDocxPath, isPdfPath } from '../files.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { readDraftFile } from '../read-draft.js';
import { readDraftInput } from '../read-input.js';
import { startViewerServer, type ServedKind, type ViewerServer } from '../view/server.js';
import type { CommandContext } from './context.js';

export interface ViewFlags {
  port?: number;
  config?: string;
}

export interface ViewOptions {
  /** Stops the viewer; without one, SIGINT or SIGTERM does (the command runs until then). */
  signal?: AbortSignal;
  /** The built viewer; defaults to $LKIP_VIEWER_DIST, else apps/web/dist beside this package. */
  distDir?: string;
  /** Called once the server listens: tests talk to it from here. */
  onListening?: (server: ViewerServer) => void;
}

/**
 * The port `lkip view` tries first. One address from session to session lets the browser keep
 * the viewer's scripts and their compiled code in its caches (an origin's cache is per port):
 * on a loaded machine a second session showed its findings in 1.3–1.7 s against 1.9–2.5 s on a
 * new port each time. When it is taken, a free port is used.
 */
export const DEFAULT_VIEW_PORT = 7447;

/** apps/web/dist: the viewer's build, beside this package in the repository. */
export function defaultViewerDist(): string {
  return join(PACKAGE_ROOT, '..', 'web', 'dist') + sep;
}

/**
 * `lkip view <file>`: the viewer in the browser on this one draft, with saving back to it (a
 * Word document is shown as the Markdown the reader makes of it, a PDF as its pages with the
 * findings boxed on them; neither is written back).
 * Nothing leaves the machine: the server listens on 127.0.0.1 only.
 */
export async function viewCommand(file: string, flags: ViewFlags, ctx: CommandContext, options: ViewOptions = {}): Promise<number> {
  const { io } = ctx;
  const port = flags.port ?? DEFAULT_VIEW_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`Invalid --port '${flags.port}': expected 0-65535`);
  // LKIP_VIEWER_DIST: for installs that ship the viewer somewhere else (and for tests).
  const distDir = options.distDir ?? io.env?.LKIP_VIEWER_DIST ?? defaultViewerDist();
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new CliError(`the viewer is not built (${displayPath(distDir, io)} is missing); run pnpm build first`);
  }
  const path = resolve(io.cwd, file);
  const label = displayPath(path, io);
  // Fails early, with the CLI's usual one-line message, for a missing, binary, non-UTF-8, empty
  // or damaged draft; a Word document is read (converted) once here for the same reason.
  const kind: ServedKind = isDocxPath(path) ? 'docx' : isPdfPath(path) ? 'pdf' : 'text';
  if (kind === 'text') await readDraftFile(path, label);
  else await readDraftInput(path, label);
  // Like `lkip lint`: --config, else ./lkip.config.json when present; validated before serving.
  const configText = (await readConfigFile(flags.config, ctx))?.text;

  const server = await startViewerServer({ distDir, port, anyPortIfTaken: flags.port === undefined, draft: { path, kind, ...(configText !== undefined ? { configText } : {}) } });
  io.stdout(`${server.url}\n`);
  io.stderr(`lkip view: serving ${label} on 127.0.0.1 only; press Ctrl+C to stop\n`);
  options.onListening?.(server);
  await stopped(options.signal);
  await server.close();
  return 0;
}


function stopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return signal.aborted ? Promise.resolve() : new Promise((done) => signal.addEventListener('abort', () => done(), { once: true }));
  }
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
