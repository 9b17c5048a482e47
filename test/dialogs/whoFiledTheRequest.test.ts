import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { ANNA, LEA, MARIA } from '../helpers/demoPeople';

/** Files a request as an admin would have in chat: Sarah for Tom at Northwind, Eva for herself at Bergmann & Söhne. */
async function filed(harness: BotHarness, which: 'northwind' | 'bergmann' | 'mueller', reason: string): Promise<string> {
    const { services } = harness.runtime;
    const [requesterId, accountId, newContact] =
        which === 'northwind'
            ? ['U-202', 'ACC-2002', { userId: 'U-203', name: 'Tom Hughes' }]
            : which === 'bergmann'
              ? ['U-303', 'ACC-3003', { userId: 'U-303', name: 'Eva Schulz' }]
              : ['U-102', 'ACC-1001', { userId: 'U-103', name: 'Lea Fischer' }];
    const requester = await services.users.get(requesterId);
    const account = await services.accounts.get(accountId);
    assert.ok(requester && account);
    const outcome = await services.changeRequests.submit({ requester, account, newContact, reason, lang: 'en', channel: 'test', conversationKey: `test:${which}` }, `test:${which}`);
    assert.strictEqual(outcome.kind, 'filed');
    return outcome.request.reference;
}

interface Row {
    readonly name: string;
    readonly lang: Lang;
    readonly which: 'northwind' | 'bergmann' | 'mueller';
    readonly email: string;
    readonly steps: (reference: string) => readonly Step[];
}

const REASON = 'Finanzabteilung wurde umorganisiert';

/**
 * Exploratory pass: a billing contact shown a request filed against them (by its status, or after verification) asks
 * who filed it and why: the requester's name and the reason given; only to people who may see the request's status.
 */
const ROWS: readonly Row[] = [
    {
        name: '„wer hat das beantragt?“ nach dem Status: Eva Schulz und ihre Begründung',
        lang: 'de',
        which: 'bergmann',
        email: MARIA,
        steps: (reference) => [
            { say: 'hallo' },
            { say: `Status ${reference}` },
            { say: MARIA },
            { say: CODE, expect: [new RegExp(reference)] },
            { say: 'wer hat das beantragt?', expect: [/Eva Schulz/, new RegExp(REASON)] },
            { say: 'und warum?', expect: [new RegExp(REASON)] }
        ]
    },
    {
        name: '"who filed it and why?" after the status: the requester and the reason',
        lang: 'en',
        which: 'mueller',
        email: ANNA,
        steps: (reference) => [
            { say: 'hi' },
            { say: `what is the status of ${reference}?` },
            { say: ANNA },
            { say: CODE, expect: [new RegExp(reference)] },
            { say: 'who filed it and why?', expect: [/Jonas Weber/, new RegExp(REASON)] }
        ]
    },
    {
        name: '"who requested that?" after verification showed the request: the requester and the reason',
        lang: 'en',
        which: 'mueller',
        email: ANNA,
        steps: (reference) => [
            { say: 'hi' },
            { say: 'am I the billing contact?' },
            { say: ANNA },
            { say: CODE, expect: [new RegExp(reference)] },
            { say: 'who requested that?', expect: [/Jonas Weber/, new RegExp(REASON)] }
        ]
    },
    {
        name: 'Lea, no billing contact, asking who filed it: no requester, no reason',
        lang: 'en',
        which: 'mueller',
        email: LEA,
        steps: (reference) => [
            { say: 'hi' },
            { say: 'am I the billing contact?' },
            { say: LEA },
            { say: CODE },
            { say: 'no thanks' },
            { say: `who filed ${reference} and why?`, absent: [new RegExp(REASON), /Jonas Weber filed/] }
        ]
    }
];

describe('Who filed a request and why, asked by a billing contact (exploratory pass)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            const harness = harnessOf();
            const reference = await filed(harness, row.which, REASON);
            await play(harness, harness.conversation(localeOf(row.lang)), row.steps(reference), row.email);
        });
    }
});
