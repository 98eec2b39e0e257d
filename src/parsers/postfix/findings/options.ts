/**
 * Options of the findings collector: how high a burst must be, how many failures make brute
 * force, how long a silence counts, plus user blocklist matchers. They come from defaults
 * and the `findings` and `blocklistMatchers` fields of the `--config` JSON file (see
 * `config.ts`).
 */
import { BLOCKLIST_MATCHERS, type BlocklistMatcher } from './blocklist-matchers.ts';

export interface PostfixFindingsOptions {
	/**
	 * Sender bursts. A client, SASL user or local sender is bursting in an hour when its messages
	 * in that hour are at least `minMessages` (and at least 10, `rates.ts`), at least `factor` ×
	 * its own baseline (its mean per hour over the log's other hours, quiet hours included, at
	 * least 1), and at least `relayFactor` × the relay's baseline (the median over the log's
	 * hours of all messages received, at least 1). A log of one hour therefore never shows a
	 * burst: the hour is its own baseline.
	 */
	burst: { minMessages: number; factor: number; relayFactor: number };
	/**
	 * Reject and deferral surges: an hour with at least `minEvents` rejects (deferrals) and at
	 * least `factor` × the median rejects (deferrals) per hour of the log, at least 1.
	 */
	surge: { minEvents: number; factor: number };
	/** A client is brute-forcing SASL with at least this many `authentication failed` lines. */
	saslFailures: number;
	/** A SASL user logging in from at least this many client IPs looks compromised. */
	saslIps: number;
	/** A client with at least this many `lost connection after CONNECT` is flooding. */
	lostConnects: number;
	/**
	 * A destination domain is failing when it has at least `minDeferrals` deferrals and they are
	 * at least `rate` (0–1) of its delivery attempts (sent + deferred + bounced lines).
	 */
	deferralRate: { minDeferrals: number; rate: number };
	/** No `status=sent` for at least this many minutes while the log runs; 0 turns it off. */
	inactivityMinutes: number;
	/** Checked in order, the user's first; the first match names the provider. */
	matchers: BlocklistMatcher[];
}

export function defaultPostfixFindingsOptions(): PostfixFindingsOptions {
	return {
		burst: { minMessages: 50, factor: 10, relayFactor: 3 },
		surge: { minEvents: 50, factor: 10 },
		saslFailures: 10,
		saslIps: 5,
		lostConnects: 20,
		deferralRate: { minDeferrals: 5, rate: 0.5 },
		inactivityMinutes: 1440,
		matchers: [...BLOCKLIST_MATCHERS],
	};
}

/** Defaults with the given fields replaced; user matchers go before the built-in ones. */
export function resolvePostfixFindingsOptions(
	partial: Partial<PostfixFindingsOptions> & { extraMatchers?: BlocklistMatcher[] } = {},
): PostfixFindingsOptions {
	const defaults = defaultPostfixFindingsOptions();
	const { extraMatchers = [], ...rest } = partial;
	return {
		...defaults,
		...rest,
		burst: { ...defaults.burst, ...rest.burst },
		surge: { ...defaults.surge, ...rest.surge },
		deferralRate: { ...defaults.deferralRate, ...rest.deferralRate },
		matchers: [...extraMatchers, ...(rest.matchers ?? defaults.matchers)],
	};
}
