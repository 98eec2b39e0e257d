/**
 * The static server the browser tests use answers like GitHub Pages for a project site: files
 * under `/fieldnotes/` with their content types, directory index pages, a redirect for a
 * directory without its slash, and the 404 page for anything else.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listDistFiles, requireDist } from '../helpers/dist.ts';
import { startSiteServer, type SiteServer } from '../helpers/serve.ts';

let server: SiteServer;

beforeAll(async () => {
	requireDist();
	server = await startSiteServer();
});

afterAll(async () => {
	await server?.close();
});

/** GET with the path sent as written (fetch would normalise `..` away). */
function getRaw(rawPath: string): Promise<{ status: number; type: string; body: string }> {
	const { hostname, port } = new URL(server.origin);
	return new Promise((resolve, reject) => {
		get({ hostname, port, path: rawPath }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => {
				resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body });
			});
		}).on('error', reject);
	});
}

/** The first file in dist/ with this ending, so the table follows whatever the build made. */
function findFile(ending: string): string {
	const rel = listDistFiles().find((file) => file.endsWith(ending));
	if (!rel) throw new Error(`dist/ has no *${ending} file`);
	return rel;
}

describe('the test server', () => {
	test.each([
		['.html', 'text/html; charset=utf-8'],
		['.js', 'text/javascript; charset=utf-8'],
		['.css', 'text/css; charset=utf-8'],
		['.json', 'application/json'],
		['.svg', 'image/svg+xml'],
		['.xml', 'application/xml'],
		['.pf_meta', 'application/octet-stream'],
		['.pf_fragment', 'application/octet-stream'],
		['.pf_index', 'application/octet-stream'],
	])('serves a *%s file from dist/ as %s', async (ending, type) => {
		const response = await fetch(server.url(findFile(ending)));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(type);
	});

	test('serves dist/index.html at /fieldnotes/ and redirects /fieldnotes to it', async () => {
		const home = await fetch(server.url());
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('<h1');
		const bare = await fetch(`${server.origin}/fieldnotes`, { redirect: 'manual' });
		expect(bare.status).toBe(301);
		expect(bare.headers.get('location')).toBe('/fieldnotes/');
	});

	const misses = [
		'/fieldnotes/no-such-page/',
		'/fieldnotes/../package.json',
		'/fieldnotes/%2e%2e/package.json',
		'/fieldnotes/..%2fpackage.json',
		'/elsewhere/',
	];
	test.each(misses)('answers %s with status 404 and the site 404 page', async (rawPath) => {
		const response = await getRaw(rawPath);
		expect(response.status).toBe(404);
		expect(response.type).toBe('text/html; charset=utf-8');
		expect(response.body).toContain('<h1');
	});
});
