/** The CLI run in-process, as the tests drive it. */
import { main } from '../../src/cli/main.ts';
import type { AnyParserSpec } from '../../src/parsers/contract.ts';

export interface CliRun {
	status: number;
	stdout: string;
	stderr: string;
	/** Which stream each write went to, in order (stderr before stdout, say). */
	order: ('out' | 'err')[];
}

/** `fieldnotes …argv` with the registry (or `parsers`); what it printed and its exit status. */
export async function runCli(argv: string[], parsers?: readonly AnyParserSpec[]): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const order: CliRun['order'] = [];
	const io = {
		stdout: (text: string) => {
			stdout += text;
			order.push('out');
		},
		stderr: (text: string) => {
			stderr += text;
			order.push('err');
		},
	};
	const status = await (parsers ? main(argv, io, parsers) : main(argv, io));
	return { status, stdout, stderr, order };
}
