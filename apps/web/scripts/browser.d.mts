import type { BrowserContext } from 'playwright-core';

export const CHROMIUM: string;
export function chromiumAvailable(): boolean;
export function launchViewerBrowser(options?: { viewport?: { width: number; height: number }; downloadsPath?: string }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
