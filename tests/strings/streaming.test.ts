/**
 * A 200 MB input goes through in chunks: memory stays far below its size, and strings cut by
 * chunk boundaries are joined. The input is generated (one 1 MiB block repeated), not a file.
 */
import { expect, test } from 'vitest';
import type { Input } from '../../src/parsers/run.ts';
import { readBinary, readStringsOptions } from '../../src/parsers/strings/index.ts';

const MIB = 1 << 20;
const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const BLOCKS = 200;

/** 1 MiB of zeros with `edns-udp-size` straddling the block's end (so every chunk boundary). */
function block(): Uint8Array {
	const bytes = new Uint8Array(MIB);
	const text = Buffer.from('edns-udp-size');
	bytes.set(text.subarray(0, 6), MIB - 6);
	bytes.set(text.subarray(6), 0);
	return bytes;
}

test('streams a 200 MB input with bounded memory and joins strings across every chunk boundary', async () => {
	const data = block();
	let peak = 0;
	const input: Input = {
		name: 'big.bin',
		async *open() {
			for (let i = 0; i < BLOCKS; i++) {
				peak = Math.max(peak, used());
				// A fresh copy each time, as a file stream gives: kept chunks would show in arrayBuffers.
				yield data.slice();
			}
		},
	};
	const before = used();
	const result = await readBinary(input, readStringsOptions({ find: ['edns-udp-size'], 'find-regex': ['^dp-size$'] }));
	const file = result.summary.files[0]!;
	expect(file.size).toBe(BLOCKS * MIB);
	// The first block starts with the tail `dp-size` alone; each later boundary joins a whole one.
	expect(file.hits.map((hit) => [hit.count, hit.offset])).toEqual([
		[BLOCKS - 1, MIB - 6],
		[1, 0],
	]);
	// `dp-size` first, 199 joined ones, and `edns-u` left open at the end of the input.
	expect(file.strings).toBe(BLOCKS + 1);
	expect(peak - before).toBeLessThan(64 * MIB);
}, 120_000);
