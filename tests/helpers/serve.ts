/**
 * A tiny static server for the browser tests: serves `dist/` under `/fieldnotes/` on 127.0.0.1
 * with an ephemeral port, the way GitHub Pages does for a project site (directory index,
 * redirect of a directory without its trailing slash, `404.html` for misses).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BASE, DIST_DIR } from './dist.ts';

/** Content types by extension; Pagefind's index files are opaque bytes. */
export const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

/** A running server; `url(path)` makes an absolute URL from a path under the base. */
export interface SiteServer {
	origin: string;
	url(pathUnderBase?: string): string;
	close(): Promise<void>;
}

/** The content type for a file name, `application/octet-stream` when unknown. */
export function findContentType(file: string): string {
	return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(file: string): Promise<boolean> {
	return stat(file).then((s) => s.isFile(), () => false);
}

async function isDirectory(file: string): Promise<boolean> {
	return stat(file).then((s) => s.isDirectory(), () => false);
}

type Answer = { status: number; file?: string; location?: string };

/** Decides what a request path gets: a file, a redirect, or the 404 page. */
async function answer(pathname: string): Promise<Answer> {
	const notFound: Answer = { status: 404, file: path.join(DIST_DIR, '404.html') };
	if (pathname === BASE.slice(0, -1)) return { status: 301, location: BASE };
	if (!pathname.startsWith(BASE)) return notFound;
	let rel: string;
	try {
		rel = decodeURIComponent(pathname.slice(BASE.length));
	} catch {
		return notFound;
	}
	const target = path.resolve(DIST_DIR, rel);
	if (!`${target}${path.sep}`.startsWith(DIST_DIR) || rel.includes('\0')) return notFound;
	if (rel === '' || rel.endsWith('/')) {
		const index = path.join(target, 'index.html');
		return (await isFile(index)) ? { status: 200, file: index } : notFound;
	}
	if (await isFile(target)) return { status: 200, file: target };
	if (await isDirectory(target)) return { status: 301, location: `${pathname}/` };
	return notFound;
}

function handle(server: Server): void {
	server.on('request', (request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
		answer(pathname)
			.then(async ({ status, file, location }) => {
				if (location) {
					response.writeHead(status, { location }).end();
					return;
				}
				const body = file ? await readFile(file).catch(() => Buffer.from('Not found')) : Buffer.from('');
				const type = file && (await isFile(file)) ? findContentType(file) : 'text/plain; charset=utf-8';
				response.writeHead(status, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
				response.end(request.method === 'HEAD' ? undefined : body);
			})
			.catch((error: Error) => {
				response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
			});
	});
}

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function startSiteServer(): Promise<SiteServer> {
	const server = createServer();
	handle(server);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		url: (pathUnderBase = '') => `${origin}${BASE}${pathUnderBase.replace(/^\/+/, '')}`,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
