import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readFileChunks } from '../../src/parsers/read-file.ts';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	for await (const chunk of chunks) parts.push(chunk);
	return Buffer.concat(parts);
}

// Bytes that cross several 64 KiB chunks and end mid-chunk.
const bytes = Buffer.from(Array.from({ length: 200_003 }, (_, i) => (i * 7919) % 251));

describe('readFileChunks', () => {
	test('reads a whole regular file, and any piece of it, byte for byte', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'read-file-'));
		const file = path.join(dir, 'data');
		await writeFile(file, bytes);
		expect((await collect(readFileChunks(file))).equals(bytes)).toBe(true);
		for (const [start, end] of [[0, 1], [65_535, 65_537], [1000, 140_000], [199_000, 200_003], [5, 5]] as const) {
			expect((await collect(readFileChunks(file, start, end))).equals(bytes.subarray(start, end))).toBe(true);
		}
		// An end past the file stops at its end.
		expect((await collect(readFileChunks(file, 150_000, 10 ** 9))).equals(bytes.subarray(150_000))).toBe(true);
	});

	test('streams a FIFO, which cannot be read by position', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'read-file-'));
		const fifo = path.join(dir, 'fifo');
		await new Promise((resolve, reject) => spawn('mkfifo', [fifo]).on('exit', resolve).on('error', reject));
		// The writer opens its end while the reader opens its own: both block until both are open.
		const writer = spawn('sh', ['-c', `cat > "${fifo}"`]);
		writer.stdin.end(bytes);
		expect((await collect(readFileChunks(fifo))).equals(bytes)).toBe(true);
	});

	test('fails on the first read for a missing file and for a directory', async () => {
		await expect(collect(readFileChunks('/nonexistent/fieldnotes'))).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(collect(readFileChunks(tmpdir()))).rejects.toMatchObject({ code: 'EISDIR' });
	});
});
