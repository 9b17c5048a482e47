import type { TurnContext } from 'botbuilder';
import type { TurnRecord } from '../data/repositories/turnRecords';

/**
 * What a stage decided on the way in: `continue` to the next stage (and in
 * the end the dialogs); `answered` when the stage took care of the turn, so
 * neither later stages nor the dialogs run, but the turn's state is saved;
 * `drop` when the turn must not run at all (nothing saved, no stage's
 * `settle` or `afterSave`).
 */
export type StageOutcome = 'continue' | 'answered' | 'drop';

/** One named step of every turn, in the order {@link TurnPipeline} is given them. */
export interface TurnStage {
    /** Shown in logs and in `ARCHITECTURE.md`'s list. */
    readonly name: string;
    /** Before the dialogs; no `enter` means `continue`. */
    enter?(context: TurnContext): Promise<StageOutcome>;
    /** After the dialogs (or the answering stage), before the state is saved: what belongs in the same write. */
    settle?(context: TurnContext): Promise<void>;
    /**
     * After every `settle`: the rows the stage appends (transcript lines,
     * insight events). They go with the state's save (on SQLite in the same
     * statement); what the save did not write is written with every other
     * stage's rows in one statement right after it, before any `afterSave`.
     */
    records?(context: TurnContext): readonly TurnRecord[];
    /** After the state is saved: what may only happen once the turn is durable. */
    afterSave?(context: TurnContext): Promise<void>;
}

/** Writes the rows the stages append after the save, in one statement ({@link TurnStage.records}). */
export type WriteRecords = (records: readonly TurnRecord[]) => Promise<void>;

/**
 * The turn as a list of named stages around the dialogs and one state save:
 * `enter` of each stage in order until one answers or drops the turn, the
 * dialogs when none did, `settle` of the stages entered, the save with
 * their `records` (what it did not write, written at once after it), then
 * their `afterSave`. A stage that throws fails the turn (the
 * turn-error handler answers) and nothing after it runs, so no state of a
 * half-run turn is saved.
 */
export class TurnPipeline {
    public constructor(private readonly stages: readonly TurnStage[], private readonly writeRecords?: WriteRecords) {}

    /** The stages' names in the order they run (ARCHITECTURE.md, tests). */
    public get names(): readonly string[] {
        return this.stages.map((stage) => stage.name);
    }

    /**
     * @param save saves the turn's state with `records` and resolves to the
     * records it did not write (all of them, if it writes none).
     */
    public async run(context: TurnContext, dialogs: () => Promise<void>, save: (records: readonly TurnRecord[]) => Promise<readonly TurnRecord[]>): Promise<boolean> {
        const entered: TurnStage[] = [];
        let outcome: StageOutcome = 'continue';
        for (const stage of this.stages) {
            outcome = stage.enter ? await stage.enter(context) : 'continue';
            if (outcome === 'drop') {
                return false;
            }
            entered.push(stage);
            if (outcome === 'answered') {
                break;
            }
        }
        if (outcome === 'continue') {
            await dialogs();
        }
        for (const stage of entered) {
            await stage.settle?.(context);
        }
        const records: TurnRecord[] = [];
        for (const stage of entered) {
            const rows = stage.records?.(context);
            if (rows) {
                records.push(...rows);
            }
        }
        const left = await save(records);
        if (left.length > 0) {
            if (!this.writeRecords) {
                throw new Error('TurnPipeline: a stage has records to write but the pipeline has no writer');
            }
            await this.writeRecords(left);
        }
        for (const stage of entered) {
            await stage.afterSave?.(context);
        }
        return true;
    }
}
