/**
 * One headless Debian Chromium for the browser tests, driven by playwright-core. A missing
 * `/usr/bin/chromium` is a failure that names the command installing it, never a skip.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** A browser context on a throw-away profile; `close()` also deletes the profile. */
export interface TestBrowser {
	context: BrowserContext;
	close(): Promise<void>;
}

/** Launches Chromium on a fresh profile directory. */
export async function launchBrowser(): Promise<TestBrowser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`${CHROMIUM_PATH} is missing; the browser tests need Debian's Chromium: install it: apt-get install -y chromium`);
	}
	const profile = await mkdtemp(path.join(tmpdir(), 'fieldnotes-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
	});
	return {
		context,
		close: async () => {
			await context.close();
			await rm(profile, { recursive: true, force: true });
		},
	};
}
