/**
 * The demo's report: one line per story step (✔ passed, ✘ failed, – skipped) with what happened
 * and how long it took, then a verdict line. Steps after a failure are skipped, not run, so the
 * first ✘ is the cause.
 */
import { StepFacts, StepId, StepOutcome, StepRunner, stepDefinition } from "./story";

/** Where report lines go (console.log in `npm run demo`, an array in tests). */
export type LineSink = (line: string) => void;

/** The recorded result of one step. */
export interface StepResult {
    id: StepId;
    status: "passed" | "failed" | "skipped";
    /** The step's one-line account, or the error message when it failed. */
    detail: string;
    elapsedMs: number;
    facts?: StepFacts;
}

const MARK: Record<StepResult["status"], string> = { passed: "✔", failed: "✘", skipped: "–" };
const LABEL_WIDTH = 9;

/** `850 ms`, `2.4 s` */
export function formatDuration(ms: number): string {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The printed line of a step result. */
export function formatStep(result: StepResult): string {
    const label = stepDefinition(result.id).label.padEnd(LABEL_WIDTH);
    const time = result.status === "skipped" ? "" : `  (${formatDuration(result.elapsedMs)})`;
    return `${MARK[result.status]} ${label} ${result.detail}${time}`;
}

/** Collects step results and prints each as it completes. */
export class Report {
    readonly steps: StepResult[] = [];
    private readonly startedAt = Date.now();

    constructor(private readonly out: LineSink) {}

    /** True while no step has failed. */
    get ok(): boolean {
        return this.steps.every((s) => s.status !== "failed");
    }

    /** A free-form line (header, notices). */
    line(text: string): void {
        this.out(text);
    }

    /**
     * Runs `body` as step `id` unless an earlier step failed (then records it as skipped). A thrown
     * error fails the step with its message; it does not propagate.
     *
     * @returns the step's outcome, or undefined when it failed or was skipped
     */
    readonly step: StepRunner = async (id, body) => {
        if (!this.ok) {
            this.record({ id, status: "skipped", detail: "skipped", elapsedMs: 0 });
            return undefined;
        }
        const started = Date.now();
        try {
            const outcome: StepOutcome = await body();
            this.record({ id, status: "passed", detail: outcome.detail, elapsedMs: Date.now() - started, facts: outcome.facts });
            return outcome;
        } catch (error) {
            this.record({ id, status: "failed", detail: errorText(error), elapsedMs: Date.now() - started });
            return undefined;
        }
    };

    /** Records a step that must run even after a failure (cleanup), with its own pass/fail. */
    async always(id: StepId, body: () => Promise<StepOutcome>): Promise<void> {
        const started = Date.now();
        try {
            const outcome = await body();
            this.record({ id, status: "passed", detail: outcome.detail, elapsedMs: Date.now() - started });
        } catch (error) {
            this.record({ id, status: "failed", detail: errorText(error), elapsedMs: Date.now() - started });
        }
    }

    /** Prints the verdict line; `how` names the driver. */
    finish(how: string): void {
        const elapsed = formatDuration(Date.now() - this.startedAt);
        const failed = this.steps.find((s) => s.status === "failed");
        this.out(failed ? `FAILED at ${stepDefinition(failed.id).label} after ${elapsed} (${how})` : `PASSED in ${elapsed} (${how})`);
    }

    private record(result: StepResult): void {
        this.steps.push(result);
        this.out(formatStep(result));
    }
}

/** The first line of an error's message: report lines stay one line each. */
export function errorText(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    const first = text.split("\n").find((l) => l.trim() !== "") ?? text;
    return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}
