/** Shape of a before/after comparison (kept apart from delta.ts so summary.ts can name it). */

/** One counter present in both captures whose value changed. */
export interface NetstatDeltaRow {
	/** nstat name, `TcpRetransSegs`. */
	name: string;
	section: string;
	field: string;
	/** Exact decimals as read. */
	before: string;
	after: string;
	/** after − before, signed exact decimal (`-3` when the value went down). */
	change: string;
	/** change per second, when the interval between captures is known. */
	rate?: number;
	/**
	 * `decreased`: an event counter went down — reboot, counter reset, wrap, or the captures are
	 * swapped; its change is not a real count. `gauge`: a current-state value (`TcpCurrEstab`)
	 * that may go either way.
	 */
	flag?: 'decreased' | 'gauge';
	/** The netstat -s sentence of the after capture (or the before one), when there was one. */
	text?: string;
}

export interface NetstatDelta {
	/** Name of the before input. */
	beforeFile?: string;
	/** Seconds between the captures, when known. */
	interval?: number;
	/** Where `interval` came from: `--interval` / a sample's options, or the files' timestamps. */
	intervalSource?: 'option' | 'timestamps';
	/** Counters whose value changed, in section order then field name. */
	changed: NetstatDeltaRow[];
	/** How many counters are in both captures with the same value. */
	unchanged: number;
	/** Counters only in the after capture, with their value (net-tools omits many zero lines). */
	onlyAfter: Record<string, string>;
	/** Counters only in the before capture, with their value. */
	onlyBefore: Record<string, string>;
}
