/**
 * dropwatch's own messages: recognised, counted as chatter, never as drops or unparsed lines.
 * Every pattern is a `printf` of dropwatch's `src/main.c` or `src/lookup*.c`, 1.4 to 1.5.5
 * (nhorman/dropwatch tags `1.4` … `v1.5.5`); the spelling `Initalizing` is 1.4's, fixed in 1.5.2.
 * Lines are matched after trailing white space is removed.
 */

/** Start-up, prompt, status, configuration, help and `stats` headers. */
export const CHATTER: readonly RegExp[] = [
	/^Initi?alizing (?:kallsyms db|null lookup method)$/,
	/^Enabling monitoring\.*$/,
	/^Kernel monitoring activated\.$/,
	/^Issue Ctrl-C to stop monitoring$/,
	/^(?:\^C)?Got a stop message$/,
	/^\^C$/,
	/^Got a sigint while not receiving$/,
	/^Got a config message$/,
	/^Deactivation requested, turning off monitoring$/,
	/^Waiting for .* (?:ack|response)\.*$/,
	/^Alert limit reached, deactivating!$/,
	/^Terminating dropwatch\.\.\.$/,
	/^Shutting down \.\.\.$/,
	/^setting (?:alert capture limit|software drops monitoring|hardware drops monitoring) to \d+$/,
	/^Setting (?:alert mode|truncation length to \d+|queue length to \d+)$/,
	/^(?:Alert mode|Truncation length|Queue length) successfully set$/,
	/^Getting (?:existing configuration|statistics)$/,
	/^Alert mode: (?:Summary|Packet|Invalid alert mode)$/,
	/^(?:Truncation length|Queue length): \d+$/,
	/^Command Syntax:$/,
	/^set:$/,
	/^\t?[a-z]+(?: <[^>]*>)?\t+ - .+$/,
	/^Available lookup methods:$/,
	/^kas - use \/proc\/kallsyms$/,
	/^dropwatch \[-l\|--lmethod <method \| list>\]$/,
];

/** Failures dropwatch reports about itself; counted as chatter and listed in the summary. */
export const TOOL_ERRORS: readonly RegExp[] = [
	/^Unable to find NET_DM family, dropwatch can't work$/,
	/^Cleaning up on socket creation error$/,
	/^Failed (?:activation|config) request, error: .+$/,
	/^Stop request failed, error: .+$/,
	/^Received message of unknown type \d+$/,
	/^Got an unexpected ack for sequence \d+$/,
	/^Odd, the kernel told us that it activated and we didn't ask$/,
	/^Received acknowledgement for non-solicited config request$/,
	/^Unknown state received! {2}exiting!$/,
	/^Unable to send (?:activation|deactivation) msg:.*$/,
	/^Failed to (?:set alert mode|set truncation length|set queue length|get existing configuration|get statistics).*$/,
	/^Receive operation failed:.*$/,
	/^Unknown lookup method .+$/,
	/^Unknown option$/,
	/^invalid boolean value$/,
];

/** The interactive prompt, with whatever the user typed after it: `dropwatch> start`. */
export const PROMPT = /^dropwatch>(?:\s.*)?$/;
/** The shell line that started dropwatch: `root@host:~# dropwatch -l kas`, `$ ./dropwatch`. */
export const SHELL_COMMAND = /^(?:.*[$#] )?(?:\S*\/)?dropwatch(?: .*)?$/;
