/**
 * Remote replies that say our relay is blocklisted or has a bad reputation, as data: the
 * provider, a pattern for the reply text (case-insensitive), the enhanced status code the
 * provider uses with it, what it means, and where the meaning comes from. The first matcher
 * that matches wins, so provider-specific rows come before the generic ones. Users add rows
 * with the `blocklistMatchers` field of `--config` (checked first).
 *
 * The patterns run on the text inside `status=deferred|bounced (…)` of smtp/lmtp lines, after
 * `host … said:` — never on our own smtpd rejects (those are RBL rejects, see `rbl`).
 * Multi-line replies arrive joined, with the continuation codes inside (`550-5.7.1`), so
 * patterns allow them between words where providers break lines.
 */

export interface BlocklistMatcher {
	/** Stable id, kebab-case: `microsoft-banned-ip`. */
	id: string;
	provider: string;
	/** A JavaScript regular expression, matched case-insensitively. */
	pattern: string;
	/** The enhanced status code(s) the provider sends with it, as documented (`5.7.606`). */
	dsn?: string;
	meaning: string;
	/** Where the wording and its meaning are documented. */
	source?: string;
}

/** The built-in table. Sources were found with the project's search tool (2026-11-26). */
export const BLOCKLIST_MATCHERS: readonly BlocklistMatcher[] = [
	{
		id: 'microsoft-banned-ip',
		provider: 'Microsoft (Exchange Online, Outlook.com)',
		pattern: '5\\.7\\.6(?:0[6-9]|[1-4]\\d)\\b|banned sending IP',
		dsn: '5.7.606–5.7.649',
		meaning:
			'The sending IP is on Microsoft’s blocked senders list; request removal at sender.office.com.',
		source:
			'https://learn.microsoft.com/it-it/microsoft-365/security/office-365-security/use-the-delist-portal-to-remove-yourself-from-the-office-365-blocked-senders-lis',
	},
	{
		id: 'microsoft-banned-sender',
		provider: 'Microsoft (Exchange Online, Outlook.com)',
		pattern: '5\\.7\\.511\\b',
		dsn: '5.7.511',
		meaning:
			'Access denied, banned sender: the sending address or IP is blocked; use the delist portal.',
		source:
			'https://learn.microsoft.com/it-it/microsoft-365/security/office-365-security/use-the-delist-portal-to-remove-yourself-from-the-office-365-blocked-senders-lis',
	},
	{
		id: 'microsoft-network-block-list',
		provider: 'Microsoft (Outlook.com, Hotmail)',
		pattern: '\\bS3(?:140|150)\\b|part of their network is on our block ?list',
		dsn: '5.7.1',
		meaning:
			'The sending IP (or its network) is on Outlook.com’s own block list; ask Microsoft’s sender support for mitigation.',
		source:
			'https://www.virtbiz.com/client/index.php?rp=%2Fknowledgebase%2F71%2FOutlook-or-Hotmail-or-Microsoft-has-blocked-my-email.html',
	},
	{
		id: 'google-low-reputation',
		provider: 'Google (Gmail, Workspace)',
		pattern: 'low reputation of the sending (?:\\S+ )?(?:IP|domain)',
		dsn: '5.7.1, 4.7.0',
		meaning:
			'Gmail rates the sending IP or domain as having a very low reputation and rejects or rate-limits it.',
		source: 'https://support.google.com/a/answer/3726730',
	},
	{
		id: 'google-unsolicited-rate',
		provider: 'Google (Gmail, Workspace)',
		pattern: 'unusual rate of (?:\\S+ )?unsolicited mail|5\\.7\\.28\\b',
		dsn: '5.7.28, 4.7.28',
		meaning:
			'Gmail saw an unusual rate of unsolicited mail from the sending IP and blocks or rate-limits it.',
		source: 'https://smtpfieldmanual.com/provider/google',
	},
	{
		id: 'google-unsolicited',
		provider: 'Google (Gmail, Workspace)',
		pattern: 'likely (?:\\S+ )?unsolicited mail|UnsolicitedMessageError',
		dsn: '5.7.1',
		meaning:
			'Gmail classified the message as likely unsolicited mail (content and sender reputation).',
		source: 'https://support.google.com/a/answer/3726730',
	},
	{
		id: 'yahoo-ts',
		provider: 'Yahoo (also AOL, Verizon and AT&T domains)',
		pattern: '\\[TS0[1-7]\\]',
		dsn: '4.7.1 (TS03), 4.16.55/4.16.56',
		meaning:
			'Yahoo defers (TS01/TS02) or permanently defers (TS03) mail from the IP for volume or complaints.',
		source:
			'http://help.yahoo.com/kb/index?page=content&y=PROD_MAIL_MOBILE&locale=en_US&id=SLN3436&impressions=false',
	},
	{
		id: 'yahoo-tss04',
		provider: 'Yahoo (also AOL, Verizon and AT&T domains)',
		pattern: '\\[TSS0\\d\\]',
		dsn: '4.7.0',
		meaning:
			'Yahoo temporarily defers mail from the IP due to unexpected volume or user complaints.',
		source: 'https://smtpfieldmanual.com/provider/yahoo/421/4.7.0',
	},
	{
		id: 'aol-block',
		provider: 'AOL / Verizon Media',
		pattern: '\\b(?:RLY|RTR|HVU|DYN|CON|DNS|IPT):[A-Z0-9]{1,3}\\b',
		dsn: '5.7.1, 4.7.1',
		meaning:
			'AOL’s block codes: RLY:B1 is a dynamic block after member complaints, RTR a dynamic/residential IP.',
		source: 'http://postmaster.aol.com/errors/',
	},
	{
		id: 'att-block',
		provider: 'AT&T (att.net, sbcglobal.net, bellsouth.net)',
		pattern:
			'DNSBL:(?:ATTRBL|RBL)|abuse_rbl@abuse-att\\.net|blocked by ldap:ou=rblmx|^\\S*\\s*521 <[^>]*> is blocked',
		dsn: '5.3.0, 5.7.1',
		meaning:
			'AT&T identified the sending system as a source of spam; unblock requests go to abuse_rbl@abuse-att.net.',
		source: 'http://worldnet.att.net/general-info/bls_info/block_enduser.html',
	},
	{
		id: 'mimecast-reputation',
		provider: 'Mimecast',
		pattern: 'mimecast\\.org\\b.*(?:Poor Reputation|Blocked)|Poor Reputation Sender',
		dsn: '5.0.0',
		meaning: 'Mimecast rejects the sending IP for poor reputation (its csi.mimecast.org list).',
		source: 'https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754',
	},
	{
		id: 'proofpoint-reputation',
		provider: 'Proofpoint (also iCloud)',
		pattern:
			'ipcheck\\.proofpoint\\.com|proofpoint\\.com/dnsbl-lookup|Proofpoint Dynamic Reputation',
		dsn: '5.7.0, 4.7.0',
		meaning:
			'Proofpoint Dynamic Reputation blocks the sending IP; check and request review at ipcheck.proofpoint.com.',
		source:
			'https://excelmicro.kayako.com/article/29-proofpoint-dynamic-reputation-pdr-ip-blocklisting-and-ip-address-removal',
	},
	{
		id: 'cloudmark-reputation',
		provider: 'Cloudmark Sender Intelligence',
		pattern: 'cloudmark|CSI-Global',
		meaning:
			'The receiver uses Cloudmark’s reputation (CSI) for the sending IP; request a statistics reset.',
		source: 'http://csi.cloudmark.com/reasons-admin.php',
	},
	{
		id: 'spamhaus-listed',
		provider: 'Spamhaus (quoted by the receiver)',
		pattern: 'spamhaus',
		meaning:
			'The receiver found the sending IP on a Spamhaus list (zen, sbl, xbl, pbl, dbl) and names it.',
		source: 'https://www.spamhaus.org/query/bl?ip=',
	},
	{
		id: 'barracuda-listed',
		provider: 'Barracuda (quoted by the receiver)',
		pattern: 'barracuda',
		meaning: 'The receiver found the sending IP on the Barracuda Reputation Block List.',
		source: 'http://tig.csail.mit.edu/wiki/TIG/EmailBlockedByBarracuda',
	},
	{
		id: 'spamcop-listed',
		provider: 'SpamCop (quoted by the receiver)',
		pattern: 'spamcop',
		meaning: 'The receiver found the sending IP on bl.spamcop.net.',
		source: 'https://www.wordtothewise.com/2018/07/who-are-mimecast',
	},
	{
		id: 'generic-blocklist',
		provider: 'any receiver',
		pattern:
			'\\b(?:block|black|deny|ban)[ -]?list(?:ed)?\\b|\\bblocked using\\b|\\bBlocked - see\\b|\\blisted (?:on|at|in) (?:\\S+ )?(?:RBL|DNSBL|block)|\\bpoor (?:IP )?reputation\\b',
		meaning:
			'The reply says the sending IP is on a block list or has a poor reputation, without a known provider’s code.',
	},
];
