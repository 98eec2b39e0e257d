/** How messages and the unparsed-lines tally look on stderr. */
import type { Message } from '../parsers/contract.ts';
import type { Tally } from '../parsers/tally.ts';
import { showControls } from '../lib/text.ts';

/** `file:line: severity code reason` (line omitted when unknown). */
export function formatMessage(message: Message): string {
	const where = [message.file ?? '-', message.line].filter((part) => part !== undefined).join(':');
	return `${where}: ${message.severity} ${message.code} ${showControls(message.reason)}`;
}

/** "Unparsed lines (N)", then each reason with its count and first examples. */
export function formatTally(tally: Tally): string {
	const lines = [`Unparsed lines (${tally.total}):`];
	for (const [reason, entry] of Object.entries(tally.reasons).sort(([a], [b]) => a.localeCompare(b))) {
		lines.push(`  ${reason}: ${entry.count}`);
		for (const example of entry.examples) {
			lines.push(`    ${example.file ?? '-'}:${example.line}: ${showControls(example.text)}`);
		}
	}
	return `${lines.join('\n')}\n`;
}
