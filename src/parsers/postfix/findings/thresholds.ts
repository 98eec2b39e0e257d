/**
 * Monitoring thresholds per finding code, Nagios style: a finding's count above `warning` makes
 * the check WARNING, above `critical` CRITICAL (the plugin guidelines' `10` means "alert when
 * the value is outside 0..10", i.e. above 10). A code without thresholds is reported in the
 * performance data only.
 */

export interface Threshold {
	/** WARNING when the count is above this. */
	warning?: number;
	/** CRITICAL when the count is above this. */
	critical?: number;
}

export type PostfixThresholds = Record<string, Threshold>;

/**
 * Defaults: trouble that needs a person today (blocklisting, loops, compromised accounts) warns
 * at the first line; noisy internet background (non-SMTP commands, relay probes) only in
 * numbers; RBL rejects and postscreen's PREGREET are the relay doing its job.
 */
export const DEFAULT_THRESHOLDS: Readonly<PostfixThresholds> = {
	'postfix/blocklisted': { warning: 0, critical: 10 },
	'postfix/rbl-rejects': {},
	'postfix/mail-loop': { warning: 0, critical: 10 },
	'postfix/sender-burst': { warning: 0, critical: 2 },
	'postfix/reject-surge': { warning: 0 },
	'postfix/deferral-surge': { warning: 0 },
	'postfix/non-smtp-command': { warning: 10 },
	'postfix/command-pipelining': { warning: 10 },
	'postfix/pregreet': {},
	'postfix/sasl-brute-force': { warning: 0, critical: 1000 },
	'postfix/sasl-user-many-ips': { warning: 0, critical: 0 },
	'postfix/connect-flood': { warning: 0 },
	'postfix/relay-probe': { warning: 10 },
	'postfix/deferral-rate': { warning: 0, critical: 5 },
	'postfix/queue-backlog': { warning: 10, critical: 100 },
	'postfix/expired': { warning: 0, critical: 10 },
	'postfix/mail-inactivity': { warning: 0 },
	'postfix/stale-map': { warning: 0 },
};

/** The finding codes the collector can report, in report order. */
export const POSTFIX_FINDING_CODES = Object.keys(DEFAULT_THRESHOLDS);
