/**
 * The extras of our own samples (real Postfix 3.7 on loopback). Each expected number is given
 * with the command that computes it from the log, without fieldnotes; `W` is
 * `zcat content/samples/postfix/relay-week.log.gz`, `A` the same for abuse-day, and
 * `R` is `W | grep -E ': (milter-)?reject: '`.
 */
import { describe, expect, test } from 'vitest';
import { abuseDay, cleanDay, extrasOf, relayWeek } from './helpers.ts';

describe('relay-week: per syslog_name instance', () => {
	const { instances } = extrasOf(relayWeek);

	// W | awk '{ split($5,p,"["); prog=p[1]; if (prog !~ /^postfix/) next; n=split(prog,q,"/");
	//   inst=q[1]; for (i=2;i<n;i++) inst=inst "/" q[i]; lines[inst]++;
	//   if ($0 ~ /: (milter-)?reject: /) rej[inst]++; if ($0 ~ /, status=sent /) sent[inst]++;
	//   if ($0 ~ /, status=deferred /) d[inst]++; if ($0 ~ /, status=bounced /) b[inst]++;
	//   if ($0 ~ /, status=expired,/) e[inst]++;
	//   if ($0 ~ /\/(smtpd|qmqpd)\[[0-9]+\]: [0-9A-F]+: client=/ ||
	//       $0 ~ /\/pickup\[[0-9]+\]: [0-9A-F]+: (uid=[0-9]+ )?(from|sender)=</) r[inst]++ }
	//   END { for (k in lines) print k, lines[k], r[k]+0, sent[k]+0, d[k]+0, b[k]+0, e[k]+0, rej[k]+0 }'
	test.each([
		['postfix', [1315, 146, 161, 44, 10, 7, 44]],
		['postfix/submission', [6, 1, 0, 0, 0, 0, 1]],
		['postfix-msa', [6, 1, 0, 0, 0, 0, 1]],
	])('%s has the lines, received, delivered, deferred, bounced, expired, rejected awk counts', (name, counts) => {
		const c = instances[name]!;
		expect([c.lines, c.received, c.delivered, c.deferred, c.bounced, c.expired, c.rejected]).toEqual(counts);
	});

	test('names no other instance', () => {
		expect(Object.keys(instances).sort()).toEqual(['postfix', 'postfix-msa', 'postfix/submission']);
	});
});

describe('relay-week: rejects by restriction and reply code', () => {
	const { rejects } = extrasOf(relayWeek);
	const byClass = (id: string) =>
		Object.entries(rejects)
			.filter(([key]) => key.startsWith(`${id}\t`))
			.reduce((sum, [, n]) => sum + n, 0);

	test('counts every reject line once (R | wc -l)', () => {
		expect(Object.values(rejects).reduce((a, b) => a + b, 0)).toBe(46);
	});

	test.each([
		['relay-access-denied', 2, "R | grep -c 'Relay access denied'"],
		['unknown-recipient', 6, "R | grep -c 'User unknown in local recipient table'"],
		['sender-domain', 3, "R | grep -cE 'Sender address rejected: (Domain not found|need fully-qualified address)'"],
		['recipient-domain', 3, "R | grep -cE 'Recipient address rejected: (Domain not found|need fully-qualified address)'"],
		['sender-access', 9, "R | grep 'Sender address rejected' | grep -vcE 'Domain not found|need fully-qualified address|undeliverable address'"],
		['recipient-access', 8, "R | grep 'Recipient address rejected' | grep -vcE 'User unknown|Domain not found|need fully-qualified address|undeliverable address'"],
		['client-access', 6, "R | grep -c 'Client host rejected'"],
		['helo', 3, "R | grep -c 'Helo command rejected: Invalid name'"],
		['content-checks', 4, "R | grep -cE 'reject: (header|body) '"],
		['pipelining', 1, "R | grep -c 'Improper use of SMTP command pipelining'"],
		['message-size', 1, "R | grep -c 'Message size exceeds fixed limit'"],
	])('%s: %i (%s)', (id, count) => {
		expect(byClass(id)).toBe(count);
	});

	test('keeps the reply code and DSN apart (recipient-access: 3 × 550 5.2.1, 2 × 550 5.4.4, 3 × 554 5.7.1)', () => {
		// R | grep 'Recipient address rejected' | grep -vE 'User unknown|…' | grep -oE ': [0-9]{3} [0-9.]+ ' | sort | uniq -c
		expect(rejects['recipient-access\t\t550\t5.2.1']).toBe(3);
		expect(rejects['recipient-access\t\t550\t5.4.4']).toBe(2);
		expect(rejects['recipient-access\t\t554\t5.7.1']).toBe(3);
	});

	test('reads the DSN of cleanup rejects, which have no reply code (R | grep -c "reject: header .*: 5.7.1 ")', () => {
		expect(rejects['content-checks\theader\t\t5.7.1']).toBe(2);
		expect(rejects['content-checks\tbody\t\t5.7.1']).toBe(2);
	});
});

describe('abuse-day: SASL brute force and a compromised account', () => {
	const { sasl, rejects } = extrasOf(abuseDay);

	test('counts the logins per mechanism and user (A | grep -o "sasl_method=[^,]*, sasl_username=[^ ,]*" | sort | uniq -c)', () => {
		expect(sasl.success).toEqual({ PLAIN: 163 });
		expect(sasl.users).toEqual({ 'sasl_username=carol': 7, 'sasl_username=dave': 156 });
	});

	test('counts the failures per mechanism, user and client', () => {
		// A | grep -E 'smtpd\[[0-9]+\]: warning: .*: SASL \S+ authentication failed' |
		//   sed -E 's/.*: SASL (\S+) authentication failed.*sasl_username=(.*)$/\1 \2/' | sort | uniq -c
		expect(sasl.failure).toEqual({ PLAIN: 40 });
		expect(sasl.failedUsers).toEqual({
			'sasl_username=admin': 8,
			'sasl_username=dave': 8,
			'sasl_username=info': 8,
			'sasl_username=sales': 8,
			'sasl_username=test': 8,
		});
		// A | grep 'SASL .* authentication failed' | grep -o 'warning: [^:]*' | sort | uniq -c
		expect(sasl.failedClients).toEqual({ '127.0.0.70': 40 });
	});

	test('counts the open-relay probes as 5xx relay-access-denied (A | grep -c "554 5.7.1 <[^>]*>: Relay access denied")', () => {
		expect(rejects).toEqual({ 'relay-access-denied\t\t554\t5.7.1': 60 });
	});
});

describe('clean-day', () => {
	test('has no postscreen, SASL, TLS or reject to show, and one instance', () => {
		const extras = extrasOf(cleanDay);
		expect(extras.postscreen.events).toEqual({});
		expect(extras.sasl.success).toEqual({});
		expect(extras.tls).toEqual({});
		expect(extras.rejects).toEqual({});
		expect(Object.keys(extras.instances)).toEqual(['postfix']);
	});
});
