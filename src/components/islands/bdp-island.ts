/**
 * The BDP calculator's behaviour in the browser: reads `form[data-bdp-calculator]`, runs
 * `calculateBdp` on every input and writes `summarizeBdp`'s lines into the form's `<output>`.
 * `BdpCalculator.astro` bundles this file with `bdp.ts` and `bdp-format.ts` into one inline
 * script at build time, so no logic is written twice and the page loads no script file.
 * Text reaches the page through `textContent` only.
 */
import { BdpInputError, calculateBdp, type BdpInput, type RateUnit, type SizeUnit } from '../../lib/bdp.ts';
import { summarizeBdp } from '../../lib/bdp-format.ts';

type Field = HTMLInputElement | HTMLSelectElement;

function readField(form: HTMLFormElement, name: string): string {
	const field = form.elements.namedItem(name) as Field | null;
	return field ? field.value.trim() : '';
}

/** A required number: empty or unparsable text becomes NaN, which `calculateBdp` rejects. */
function readNumber(form: HTMLFormElement, name: string): number {
	const text = readField(form, name);
	return text === '' ? Number.NaN : Number(text);
}

/** An optional number: empty means "not given". */
function readOptional(form: HTMLFormElement, name: string): number | undefined {
	return readField(form, name) === '' ? undefined : readNumber(form, name);
}

/** The form as a `BdpInput`; the loss field is in percent. */
export function readBdpForm(form: HTMLFormElement): BdpInput {
	const window = readOptional(form, 'window');
	const loss = readOptional(form, 'lossPercent');
	const file = readOptional(form, 'fileSize');
	const mss = readOptional(form, 'mss');
	return {
		bandwidth: { value: readNumber(form, 'bandwidth'), unit: readField(form, 'bandwidthUnit') as RateUnit },
		rttMs: readNumber(form, 'rttMs'),
		...(window === undefined ? {} : { window: { value: window, unit: readField(form, 'windowUnit') as SizeUnit } }),
		...(loss === undefined ? {} : { lossRate: loss / 100 }),
		...(file === undefined ? {} : { fileSize: { value: file, unit: readField(form, 'fileSizeUnit') as SizeUnit } }),
		...(mss === undefined ? {} : { mss }),
	};
}

/** Form control names per `BdpInput` field, to mark the one an error names. */
const CONTROL_OF: Record<keyof BdpInput, string> = {
	bandwidth: 'bandwidth',
	rttMs: 'rttMs',
	window: 'window',
	lossRate: 'lossPercent',
	fileSize: 'fileSize',
	mss: 'mss',
};

function render(form: HTMLFormElement, output: HTMLOutputElement): void {
	for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
	const list = document.createElement('dl');
	try {
		for (const line of summarizeBdp(calculateBdp(readBdpForm(form)))) {
			const term = document.createElement('dt');
			const detail = document.createElement('dd');
			term.textContent = line.label;
			detail.textContent = line.value;
			for (const text of line.lines ?? []) {
				const code = document.createElement('code');
				code.textContent = text;
				detail.append(code);
			}
			list.append(term, detail);
		}
		output.replaceChildren(list);
	} catch (error) {
		if (!(error instanceof BdpInputError)) throw error;
		const control = form.elements.namedItem(CONTROL_OF[error.field]) as Field | null;
		control?.setAttribute('aria-invalid', 'true');
		const message = document.createElement('p');
		message.className = 'bdp-error';
		message.textContent = error.message;
		output.replaceChildren(message);
	}
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bdp-calculator]')) {
	const output = form.querySelector('output');
	if (!output) continue;
	form.addEventListener('input', () => render(form, output));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		render(form, output);
	});
	form.hidden = false;
	render(form, output);
}
