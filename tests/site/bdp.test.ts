/**
 * The BDP calculator and table on the built site, in headless Chromium (served from `dist/`
 * under `/fieldnotes/`): typing values updates the results, bad values are named, and with
 * JavaScript off the static table is still there while the calculator form stays hidden.
 * Expected numbers are worked out by hand in the comments, as in `tests/lib/bdp.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { listHtmlPages, readPage, requireDist } from '../helpers/dist.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { startSiteServer, type SiteServer } from '../helpers/serve.ts';

const STEP_TIMEOUT = 10_000;
const FORM = 'form[data-bdp-calculator]';
const OUTPUT = `${FORM} output[data-bdp-output]`;

let server: SiteServer;
let browser: TestBrowser;
let page: Page;
let calculatorUrl: string;
const pageErrors: string[] = [];

beforeAll(async () => {
	requireDist();
	const pages = listHtmlPages().filter((p) => readPage(p.file).html.includes('data-bdp-calculator'));
	if (pages.length === 0) throw new Error('no page in dist/ carries the BDP calculator (form[data-bdp-calculator])');
	calculatorUrl = pages[0]!.url;
	server = await startSiteServer();
	browser = await launchBrowser();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.setDefaultTimeout(STEP_TIMEOUT);
	page.on('pageerror', (error) => pageErrors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') pageErrors.push(message.text());
	});
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const readOutput = () => page.locator(OUTPUT).innerText();

describe('the calculator with JavaScript', () => {
	test('shows the form and answers for its default values', async () => {
		await page.goto(`${server.origin}${calculatorUrl}`);
		await page.locator(FORM).waitFor({ state: 'visible' });
		expect(await page.locator(OUTPUT).getAttribute('aria-live')).toBe('polite');
		// 1 Gbit/s × 80 ms = 10,000,000 bytes; 64 KiB: 65,536 × 8 / 0.08 = 6,553,600 bit/s.
		await expect.poll(readOutput).toContain('10,000,000 bytes');
		const text = await readOutput();
		expect(text).toContain('6.55 Mbit/s');
		expect(text).toContain('net.ipv4.tcp_rmem = 4096 131072 20971520');
		// 10 GB: 8e10 bit / 6,553,600 = 12,207 s = 3 h 23 min; / 1e9 = 80 s = 1 min 20 s.
		expect(text).toContain('3 h 23 min at the ceiling, 1 min 20 s at line rate');
		expect(pageErrors).toEqual([]);
	});

	test('updates the results as values are typed into labelled fields', async () => {
		await page.goto(`${server.origin}${calculatorUrl}`);
		const rate = page.getByLabel('Link rate', { exact: true });
		const rtt = page.getByLabel('Round-trip time (ms)');
		await rate.fill('');
		await rate.pressSequentially('10');
		await rtt.fill('');
		await rtt.pressSequentially('200');
		// 10 Gbit/s × 200 ms = 1e10 × 0.2 / 8 = 250,000,000 bytes; shift 12 (65535 × 2^12 = 268,431,360);
		// 64 KiB at 200 ms: 524,288 bit / 0.2 s = 2,621,440 bit/s ≈ 2.62 Mbit/s.
		await expect.poll(readOutput).toContain('250,000,000 bytes');
		const text = await readOutput();
		expect(text).toMatch(/\b12: windows up to 268,431,360 bytes/);
		expect(text).toContain('2.62 Mbit/s');
		await page.getByLabel('Link rate unit').selectOption('Mbit/s');
		// 10 Mbit/s × 200 ms = 1e7 × 0.2 / 8 = 250,000 bytes.
		await expect.poll(readOutput).toContain('250,000 bytes');
	});

	test('adds the Mathis ceiling when a loss rate is typed', async () => {
		await page.goto(`${server.origin}${calculatorUrl}`);
		await page.getByLabel('Fixed window or buffer').fill('');
		await page.getByLabel('Packet loss, %').fill('0.01');
		// p = 0.0001: 1460 × 8 / 0.08 × √1.5 / 0.01 = 146,000 × 122.47 = 17,881,275 bit/s.
		await expect.poll(readOutput).toContain('17.9 Mbit/s, for a long-lived Reno-style flow');
		expect(await readOutput()).toContain('set by packet loss (Mathis et al.)');
	});

	test('names a bad value and marks its field', async () => {
		await page.goto(`${server.origin}${calculatorUrl}`);
		const rtt = page.getByLabel('Round-trip time (ms)');
		await rtt.fill('0');
		await expect.poll(readOutput).toContain('Round-trip time must be a positive finite number, not 0');
		expect(await rtt.getAttribute('aria-invalid')).toBe('true');
		await rtt.fill('40');
		// 1 Gbit/s × 40 ms = 5,000,000 bytes.
		await expect.poll(readOutput).toContain('5,000,000 bytes');
		expect(await rtt.getAttribute('aria-invalid')).toBeNull();
		expect(pageErrors).toEqual([]);
	});
});

describe('the page without JavaScript', () => {
	test('shows the static table of common paths and keeps the form hidden', async () => {
		const session = await browser.context.newCDPSession(page);
		await session.send('Emulation.setScriptExecutionDisabled', { value: true });
		try {
			await page.goto(`${server.origin}${calculatorUrl}`);
			const table = page.locator('table[data-bdp-table]');
			await table.waitFor({ state: 'visible' });
			// 4 paths × 3 link rates.
			expect(await table.locator('tbody tr').count()).toBe(12);
			const text = await table.innerText();
			// Continental, 1 Gbit/s: 1e9 × 0.04 / 8 = 5 MB; 64 KiB: 524,288 / 0.04 = 13,107,200 bit/s.
			expect(text).toMatch(/Continental, 40 ms\s+1 Gbit\/s\s+5 MB\s+13.1 Mbit\/s/);
			// Intercontinental, 100 Gbit/s: 1e11 × 0.15 / 8 = 1.875e9 bytes, over the largest window.
			expect(text).toContain('1.88 GB *');
			expect(await page.locator(FORM).isVisible()).toBe(false);
		} finally {
			await session.send('Emulation.setScriptExecutionDisabled', { value: false });
			await session.detach();
		}
	});
});
