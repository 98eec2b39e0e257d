/**
 * The CLI's `--redact`, `--redact-salt S` and `--keep-domains`, common to every parser: the
 * result is redacted (`src/lib/redact.ts`) before anything is printed, report and stderr alike.
 */
import { UsageError } from '../parsers/contract.ts';
import { createRedactor, type Redactor } from '../lib/redact.ts';
import { readRedactSalt } from '../lib/redact-config.ts';

/** parseArgs options, merged into the CLI's common options. */
export const redactCliOptions = {
	redact: { type: 'boolean' },
	'redact-salt': { type: 'string' },
	'keep-domains': { type: 'boolean' },
} as const;

/** Lines for `fieldnotes <parser> --help`. */
export const redactHelp = [
	'  --redact           replace email addresses, IPs and client host names by stable pseudonyms',
	'  --redact-salt S    salt of the pseudonyms (implies --redact; default $FIELDNOTES_REDACT_SALT,',
	'                     else a public salt: set your own before publishing a report)',
	'  --keep-domains     keep the domains of addresses and client host names (implies --redact)',
];

/** The redactor the options ask for, or undefined when none of them is given. */
export function readRedactOptions(
	values: Record<string, unknown>,
	env: NodeJS.ProcessEnv = process.env,
): Redactor | undefined {
	const salt = typeof values['redact-salt'] === 'string' ? values['redact-salt'] : undefined;
	if (!values.redact && salt === undefined && !values['keep-domains']) return undefined;
	if (salt === '') throw new UsageError('--redact-salt needs a non-empty salt');
	const keepDomains = Boolean(values['keep-domains']);
	return createRedactor({ salt: salt ?? readRedactSalt(env), keepDomains });
}

/**
 * Wraps a streaming writer so that what it prints is redacted line by line: an address is never
 * split across two writes. Call `flush` at the end for a last line without a newline.
 */
export function createRedactingWriter(
	write: (text: string) => void,
	redactor: Redactor,
): { write: (text: string) => void; flush: () => void } {
	let pending = '';
	return {
		write(text) {
			pending += text;
			const end = pending.lastIndexOf('\n');
			if (end < 0) return;
			write(redactor.text(pending.slice(0, end + 1)));
			pending = pending.slice(end + 1);
		},
		flush() {
			if (pending !== '') write(redactor.text(pending));
			pending = '';
		},
	};
}
