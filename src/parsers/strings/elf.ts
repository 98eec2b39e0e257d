/**
 * What the first bytes of a file say about it: ELF or not, and the notes of an ELF file's
 * `PT_NOTE` segments that lie in those bytes (they sit right after the program headers in
 * the files we have seen, e.g. at 0x338 in Debian's `/usr/bin/ls`, 0xf9c in esbuild).
 * Layouts from the System V ABI / `elf.h`: `e_phoff` at 0x20 (64-bit) or 0x1c (32-bit), notes
 * as namesz, descsz, type, then name and desc, each padded to the segment's alignment.
 */

/** How much of the head of a file is kept for {@link readElfHead}. */
export const HEAD_BYTES = 64 * 1024;

/** `NT_GNU_BUILD_ID` in a `GNU` note. */
const NT_GNU_BUILD_ID = 3;
/** The Go linker's build-id note type (owner `Go`). */
const NT_GO_BUILD_ID = 4;
/** `FDO_PACKAGING_METADATA` (owner `FDO`): JSON such as `{"type":"rpm","name":…,"version":…}`. */
const NT_FDO_PACKAGING_METADATA = 0xcafe1a7e;
const PT_NOTE = 4;

/** What {@link readElfHead} found. */
export interface ElfHead {
	/** True when the bytes start with `\x7fELF`. */
	elf: boolean;
	/** Hex of the GNU build id, or the Go build id string. */
	buildId: string | null;
	/** `name` and `version` from an FDO packaging-metadata note. */
	packageName: string | null;
	packageVersion: string | null;
}

function reader(bytes: Uint8Array, little: boolean) {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return {
		u16: (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, little) : -1),
		u32: (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, little) : -1),
		u64: (at: number) => (at + 8 <= bytes.length ? Number(view.getBigUint64(at, little)) : -1),
	};
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes).replace(/\0+$/, '');

/** Reads the ELF header, program headers and notes found in `head`; never throws on bad data. */
export function readElfHead(head: Uint8Array): ElfHead {
	const result: ElfHead = { elf: false, buildId: null, packageName: null, packageVersion: null };
	if (head.length < 16 || head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46) return result;
	result.elf = true;
	const wide = head[4] === 2;
	const read = reader(head, head[5] !== 2);
	const phoff = wide ? read.u64(0x20) : read.u32(0x1c);
	const phentsize = read.u16(wide ? 0x36 : 0x2a);
	const phnum = read.u16(wide ? 0x38 : 0x2c);
	if (phoff <= 0 || phentsize <= 0 || phnum <= 0) return result;
	for (let i = 0; i < phnum; i++) {
		const at = phoff + i * phentsize;
		if (read.u32(at) !== PT_NOTE) continue;
		const offset = wide ? read.u64(at + 8) : read.u32(at + 4);
		const size = wide ? read.u64(at + 0x20) : read.u32(at + 16);
		const align = (wide ? read.u64(at + 0x30) : read.u32(at + 28)) === 8 ? 8 : 4;
		if (offset < 0 || size < 0 || offset + size > head.length) continue;
		readNotes(head, offset, offset + size, align, read, result);
	}
	return result;
}

function readNotes(head: Uint8Array, start: number, end: number, align: number, read: ReturnType<typeof reader>, into: ElfHead): void {
	const pad = (n: number) => Math.ceil(n / align) * align;
	for (let at = start; at + 12 <= end; ) {
		const namesz = read.u32(at);
		const descsz = read.u32(at + 4);
		const type = read.u32(at + 8);
		const nameAt = at + 12;
		const descAt = nameAt + pad(namesz);
		const next = descAt + pad(descsz);
		if (namesz < 0 || descsz < 0 || next > end) return;
		const owner = text(head.subarray(nameAt, nameAt + namesz));
		const desc = head.subarray(descAt, descAt + descsz);
		if (owner === 'GNU' && type === NT_GNU_BUILD_ID) into.buildId = Buffer.from(desc).toString('hex');
		if (owner === 'Go' && type === NT_GO_BUILD_ID && into.buildId === null) into.buildId = text(desc);
		if (owner === 'FDO' && type === NT_FDO_PACKAGING_METADATA) readPackageNote(text(desc), into);
		at = next;
	}
}

function readPackageNote(json: string, into: ElfHead): void {
	try {
		const data = JSON.parse(json) as { name?: unknown; version?: unknown };
		if (typeof data.name === 'string') into.packageName = data.name;
		if (typeof data.version === 'string') into.packageVersion = data.version;
	} catch {
		// A malformed note is ignored like any other unknown note.
	}
}
