// Debian's chromium driven by playwright-core, shared by the end-to-end tests and the scripts.
// No downloaded browser: CI installs the distribution's package (`apt-get install chromium`).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.LKIP_CHROMIUM ?? '/usr/bin/chromium';

// Quiet and reproducible: no sandbox (containers run as root), no GPU, nothing phoning home.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumAvailable() {
  return existsSync(CHROMIUM);
}

/**
 * @param {{ viewport?: { width: number; height: number }; downloadsPath?: string }} [options]
 */
export async function launchViewerBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'lkip-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
    ...(options.downloadsPath ? { downloadsPath: options.downloadsPath } : {}),
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
