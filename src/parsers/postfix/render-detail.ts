/** pflogsumm's `-e` "Message detail", sorted by its `by_domain_then_user`. */

interface DetailKey {
	qid: string;
	domain: string;
	user: string;
}

/** `user@mach.host.dom` → domain `host.dom.mach`, user; bang paths use the host before the user. */
function keyOf(first: string): Omit<DetailKey, 'qid'> {
	let [user = '', domain = ''] = first.split('@');
	if (!domain) {
		const bang = first.split('!');
		while (bang.length > 0 && bang[bang.length - 1] === '') bang.pop();
		user = bang[bang.length - 1] ?? '';
		domain = bang[bang.length - 2] ?? '';
	}
	if (domain) domain = domain.replace(/^(.*)\.([^.]+)\.([^.]{3}|[^.]{2,3}\.[^.]{2})$/s, '$2.$3.$1');
	return { domain, user: user.replace(/^.*!/s, '') };
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The section, a message at a time (`-e` on a large log lists every message). */
export function* renderMessageDetail(details: Record<string, string[]>, quiet: boolean): Generator<string> {
	const title = 'Message detail';
	const qids = Object.keys(details);
	if (qids.length === 0) {
		if (!quiet) yield `\n${title}: none\n`;
		return;
	}
	// A sender heads thousands of lists: its key is made once.
	const byFirst = new Map<string, Omit<DetailKey, 'qid'>>();
	const keys = qids.map((qid): DetailKey => {
		const first = details[qid]![0] ?? '';
		let key = byFirst.get(first);
		if (key === undefined) byFirst.set(first, (key = keyOf(first)));
		return { qid, domain: key.domain, user: key.user };
	});
	keys.sort((a, b) => compare(a.domain, b.domain) || compare(a.user, b.user) || compare(a.qid, b.qid));
	yield `\n${title}\n${'-'.repeat(title.length)}\n`;
	for (const { qid } of keys) {
		const [first, ...rest] = details[qid]!;
		let out = ` ${qid}  ${first ?? ''}\n`;
		for (const line of rest) out += `   ${line}\n`;
		yield `${out}\n`;
	}
}
