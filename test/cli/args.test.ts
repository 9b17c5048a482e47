import * as assert from 'assert';
import { parseArgs } from '../../cli/args';

describe('parseArgs (the commands\' options, read by node:util)', () => {
    const cases: ReadonlyArray<[string[], string[], ReturnType<typeof parseArgs>]> = [
        [['list', '--status', 'open', '--json'], ['json'], { options: { status: 'open', json: true }, words: ['list'] }],
        [['--to=lea@example.com', '--limit', '5'], [], { options: { to: 'lea@example.com', limit: '5' }, words: [] }],
        [['update', 'BC-2026-000001', 'done', '--note'], [], { options: { note: true }, words: ['update', 'BC-2026-000001', 'done'] }],
        [['--', '--not-an-option', 'word'], [], { options: {}, words: ['--not-an-option', 'word'] }],
        [['-5', 'Lizenzen', '--lang', 'de'], [], { options: { lang: 'de' }, words: ['-5', 'Lizenzen'] }],
        [['--json', 'pending'], ['json'], { options: { json: true }, words: ['pending'] }]
    ];
    for (const [argv, flags, expected] of cases) {
        it(`reads ${argv.join(' ')}`, () => {
            assert.deepStrictEqual(parseArgs(argv, flags), expected);
        });
    }
});
