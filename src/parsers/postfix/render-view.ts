/** The site's page model: Grand Totals first, traffic charts, then each section as a table. */
import type { ReportSection, ReportView, Result } from '../contract.ts';
import type { PostfixSummary } from './summary.ts';

export function renderPostfixView(result: Result<PostfixSummary>): ReportView {
	const s = result.summary;
	const totals = [
		{ label: 'received', value: s.received },
		{ label: 'delivered', value: s.delivered },
		{ label: 'forwarded', value: s.forwarded },
		{ label: 'deferred', value: s.deferred },
		{ label: 'deferrals', value: s.deferrals },
		{ label: 'bounced', value: s.bounced },
		{ label: 'rejected', value: s.rejected },
		{ label: 'reject warnings', value: s.rejectWarnings },
		{ label: 'held', value: s.held },
		{ label: 'discarded', value: s.discarded },
		{ label: 'bytes received', value: s.bytesReceived },
		{ label: 'bytes delivered', value: s.bytesDelivered },
	];
	const sections: ReportSection[] = [];
	return { totals, findings: [], sections };
}
