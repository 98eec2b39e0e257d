/**
 * Which version of a program an input is, in order of trust:
 * 1. an ELF note (`FDO_PACKAGING_METADATA`, as systemd-built Debian and Fedora binaries carry:
 *    `{"type":"deb","name":"systemd","version":"252.39-1~deb12u2",…}`), or the same JSON met
 *    as a string of a dump;
 * 2. a `--version`-like string that starts with the program's name: `named 9.2.4`,
 *    `esbuild v0.16.5`, `curl 7.88.1 (x86_64-pc-linux-gnu) %s`, `git/2.39.5` (not one that
 *    only mentions it: `// Compat. Before node v10.12.0 …` in node's embedded JavaScript);
 * 3. a version in the file name, else in the nearest directory name
 *    (`esbuild-0.16.5.strings.gz`, `/tmp/pkgs/0.16.5/package/bin/esbuild`).
 */
import path from 'node:path';
import type { VersionSource } from './summary.ts';

/** A detected version and where it came from. */
export interface DetectedVersion {
	version: string;
	source: VersionSource;
}

const VERSION = String.raw`\d+(?:\.\d+)+(?:[a-z]\d*)?(?:[-+~](?:rc|alpha|beta|pre|dev|p|deb|ubuntu)?[0-9][0-9A-Za-z.~+]*)?`;
const DUMP_SUFFIX = /(?:\.strings)?(?:\.txt)?(?:\.gz)?$/;

/** The program's name from a path: `esbuild-0.16.5.strings.gz` and `/usr/sbin/named` give `esbuild`, `named`. */
export function programName(file: string): string {
	const base = path.basename(file).replace(DUMP_SUFFIX, '');
	const cut = new RegExp(`[-_.@ ]v?${VERSION}.*$`, 'i');
	return base.replace(cut, '') || base;
}

/** A version in the file name, else in the nearest directory name holding one. */
export function versionFromPath(file: string): string | null {
	const parts = file.split(/[\\/]/).filter(Boolean);
	const last = parts.pop()?.replace(DUMP_SUFFIX, '') ?? '';
	const pattern = new RegExp(`(?<![\\w]|\\d\\.)v?(${VERSION})(?![\\w])`, 'i');
	for (const part of [last, ...parts.reverse()]) {
		const found = pattern.exec(part.replace(/_/g, ' '));
		if (found) return found[1]!;
	}
	return null;
}

/** Looks at strings as they stream by; keeps the best candidate seen. */
export interface VersionSniffer {
	add(text: string): void;
	/** The best version found, falling back to the file name. */
	result(noteVersion: string | null): DetectedVersion | null;
}

/** Creates a sniffer for `file` (its program name drives the `--version`-like match). */
export function createVersionSniffer(file: string): VersionSniffer {
	const name = programName(file);
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const named = new RegExp(`^\\s*${escaped}(?: version:? ?| ?/| ?_| )v?(${VERSION})(?=$|[\\s),;:"'])`, 'i');
	const lowerName = name.toLowerCase();
	// Cheap test first: most of a binary's strings do not start with the program's name.
	const startsWithName = (text: string) => {
		const at = text.length - text.trimStart().length;
		return text.slice(at, at + name.length).toLowerCase() === lowerName;
	};
	let fromNote: string | null = null;
	let fromString: string | null = null;
	return {
		add(text) {
			if (fromNote === null && text.startsWith('{"type":') && text.includes('"version":')) {
				const found = /"version":"([^"]+)"/.exec(text);
				if (found) fromNote = found[1]!;
			}
			if (fromString === null && name.length >= 2 && startsWithName(text)) {
				const found = named.exec(text);
				if (found) fromString = found[1]!;
			}
		},
		result(noteVersion) {
			const note = noteVersion ?? fromNote;
			if (note !== null) return { version: note, source: 'elf-note' };
			if (fromString !== null) return { version: fromString, source: 'string' };
			const fromPath = versionFromPath(file);
			return fromPath === null ? null : { version: fromPath, source: 'file-name' };
		},
	};
}
