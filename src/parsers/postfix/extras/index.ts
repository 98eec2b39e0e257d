/**
 * The sections pflogsumm lacks (issue 4): postscreen, SASL, TLS, delivery delay percentiles,
 * reject classes and syslog_name instances. An observer fed the lines the findings collector
 * reads, a plain-JSON mergeable state in `summary.extras`, and page sections after pflogsumm's.
 */
export {
	collectPostfixExtras,
	createPostfixExtras,
	observeLine,
	type PostfixExtrasObserver,
} from './collect.ts';
export { countOf, percentilesOf, PERCENTILES, stageRows } from './delays.ts';
export { REJECT_CLASSES, replyClassOf } from './reject-classes.ts';
export { renderPostfixExtrasSections } from './render-view.ts';
export { emptyPostfixExtras, mergePostfixExtras } from './state.ts';
export {
	DELAY_STAGES,
	type DelayHistograms,
	type Histogram,
	type InstanceCounts,
	type PostfixExtras,
} from './types.ts';
