import * as assert from 'assert';
import type { TurnContext } from 'botbuilder';
import { TurnPipeline, type StageOutcome, type TurnStage } from '../../bot/turnPipeline';
import type { TurnRecord } from '../../data/repositories/turnRecords';
import { useHarness } from '../helpers/botHarness';

/** A stage that writes what happened to it into `log`. */
function stage(name: string, log: string[], outcome: StageOutcome | Error = 'continue'): TurnStage {
    return {
        name,
        enter: async () => {
            log.push(`enter ${name}`);
            if (outcome instanceof Error) {
                throw outcome;
            }
            return outcome;
        },
        settle: async () => {
            log.push(`settle ${name}`);
        },
        afterSave: async () => {
            log.push(`after ${name}`);
        }
    };
}

async function runWith(stages: TurnStage[], log: string[]): Promise<boolean> {
    const context = {} as TurnContext;
    return new TurnPipeline(stages).run(
        context,
        async () => {
            log.push('dialogs');
        },
        async (records) => {
            log.push('save');
            return records;
        }
    );
}

describe('TurnPipeline: the turn as named stages', () => {
    it('runs every stage in, the dialogs, every settle, one save, then every afterSave', async () => {
        const log: string[] = [];
        assert.strictEqual(await runWith([stage('a', log), stage('b', log)], log), true);
        assert.deepStrictEqual(log, ['enter a', 'enter b', 'dialogs', 'settle a', 'settle b', 'save', 'after a', 'after b']);
    });

    it('a stage that answers the turn keeps later stages and the dialogs out, and the turn is still saved', async () => {
        const log: string[] = [];
        await runWith([stage('a', log), stage('b', log, 'answered'), stage('c', log)], log);
        assert.deepStrictEqual(log, ['enter a', 'enter b', 'settle a', 'settle b', 'save', 'after a', 'after b']);
    });

    it('a dropped turn (a channel retry) saves nothing and runs no settle or afterSave', async () => {
        const log: string[] = [];
        assert.strictEqual(await runWith([stage('a', log, 'drop'), stage('b', log)], log), false);
        assert.deepStrictEqual(log, ['enter a']);
    });

    it('a stage that throws fails the turn before anything is saved', async () => {
        const log: string[] = [];
        await assert.rejects(runWith([stage('a', log), stage('b', log, new Error('boom')), stage('c', log)], log), /boom/);
        assert.deepStrictEqual(log, ['enter a', 'enter b']);
    });

    it('hands the records of the stages entered to the save, and writes what it left in one call before any afterSave', async () => {
        const log: string[] = [];
        const saved: string[][] = [];
        const written: string[][] = [];
        const text = (r: TurnRecord): string => (r.target === 'transcripts' ? r.line.text : r.event.kind);
        const withRecords = (name: string, outcome: StageOutcome = 'continue'): TurnStage => ({
            ...stage(name, log, outcome),
            records: () => [{ target: 'transcripts', conversationKey: 'k', line: { at: 1, from: 'bot', text: name } }]
        });
        const pipeline = new TurnPipeline([withRecords('a'), stage('b', log), withRecords('c', 'answered'), withRecords('d')], async (records) => {
            log.push('records');
            written.push(records.map(text));
        });
        const save = async (records: readonly TurnRecord[]): Promise<readonly TurnRecord[]> => {
            log.push('save');
            saved.push(records.map(text));
            return records.filter((r) => text(r) !== 'a');
        };
        await pipeline.run({} as TurnContext, async () => undefined, save);
        assert.deepStrictEqual(log, ['enter a', 'enter b', 'enter c', 'settle a', 'settle b', 'settle c', 'save', 'records', 'after a', 'after b', 'after c']);
        assert.deepStrictEqual(saved, [['a', 'c']], 'the stages entered, in order');
        assert.deepStrictEqual(written, [['c']], 'what the save left');

        log.length = 0;
        await pipeline.run({} as TurnContext, async () => undefined, async () => (log.push('save'), []));
        assert.ok(!log.includes('records'), 'nothing left: no second write');
    });

    describe('the bot', () => {
        const harnessOf = useHarness();

        it('runs its stages in the documented order', () => {
            assert.deepStrictEqual(harnessOf().runtime.bot.stageNames, [
                'retry guard',
                'language',
                'insights',
                'verification lifetime',
                'transcript',
                'proactive instruction',
                'relay to agent'
            ]);
        });
    });
});
