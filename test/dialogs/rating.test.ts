import * as assert from 'assert';
import { useHarness, joined } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf } from '../helpers/script';
import type { Lang } from '../../core/language';

/** The rating after a closing, per language. */
const RATING: Record<Lang, { bye: string; question: RegExp; up: string; down: string; askUp: RegExp; askDown: RegExp; noComment: string; noCommentReply: RegExp; thanks: RegExp; comment: string }> = {
    en: {
        bye: 'bye',
        question: /did this conversation help you\?/,
        up: '👍 Yes, it helped',
        down: "👎 No, it didn't",
        askUp: /tell me in one sentence what we could do even better/,
        askDown: /What was missing\?/,
        noComment: 'No comment',
        noCommentReply: /^All right\. Goodbye!$/,
        thanks: /your comment goes to our support team/,
        comment: 'The code mail took 3 minutes, otherwise fine'
    },
    de: {
        bye: 'tschüss',
        question: /Hat Ihnen dieses Gespräch geholfen\?/,
        up: '👍 Ja, hat geholfen',
        down: '👎 Nein, leider nicht',
        askUp: /was wir noch besser machen können/,
        askDown: /Was hat Ihnen gefehlt\?/,
        noComment: 'Kein Kommentar',
        noCommentReply: /^In Ordnung\. Auf Wiedersehen!$/,
        thanks: /Ihr Kommentar geht an unser Support-Team/,
        comment: 'Die Code-Mail kam erst nach 3 Minuten, sonst gut'
    }
};

describe('Rating at the end of a conversation: asked once, thumbs up or down, one optional comment', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const r = RATING[lang];
        const p = PHRASES[lang];

        it(`[${lang}] 👍 and a comment: thanked, and the comment is kept masked`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await convo.say(p.whoIs);
            await convo.say(p.cancel);
            const closing = await convo.say(r.bye);
            assert.match(closing[0].text, r.question);
            assert.deepStrictEqual(closing[0].buttons, [r.up, r.down]);
            const asked = await convo.say(r.up);
            assert.match(joined(asked), r.askUp);
            assert.deepStrictEqual(asked[0].buttons, [r.noComment]);
            assert.match(joined(await convo.say(r.comment)), r.thanks);
            const kept = await harness.db.all<{ rating: string; text: string; lang: string }>('SELECT rating, text, lang FROM insight_comments');
            assert.deepStrictEqual(kept, [{ rating: 'up', text: r.comment.replace('3', '#'), lang }]);
        });

        it(`[${lang}] 👎 without a comment: one short goodbye`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await convo.say(r.bye);
            assert.match(joined(await convo.say(r.down)), r.askDown);
            const last = await convo.say(r.noComment);
            assert.strictEqual(last.length, 1);
            assert.match(last[0].text, r.noCommentReply);
            const events = await harness.db.all<{ kind: string; detail: string | null }>("SELECT kind, detail FROM insight_events WHERE kind IN ('closing', 'rating') ORDER BY id");
            assert.deepStrictEqual(events, [
                { kind: 'closing', detail: null },
                { kind: 'rating', detail: 'down' }
            ]);
        });

        it(`[${lang}] never asked twice: a new question instead of a rating is answered, and the next goodbye is one line`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const first = await convo.say(r.bye);
            assert.match(joined(first), r.question);
            assert.match(joined(await convo.say(p.whoIs)), p.askEmail);
            await convo.say(p.cancel);
            const second = await convo.say(r.bye);
            assert.strictEqual(second.length, 1, joined(second));
            assert.doesNotMatch(joined(second), r.question);
        });

        it(`[${lang}] a new question after the rating is answered, not taken for a comment`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await convo.say(r.bye);
            await convo.say(r.up);
            assert.match(joined(await convo.say(p.whoIs)), p.askEmail);
            assert.deepStrictEqual(await harness.db.all('SELECT text FROM insight_comments'), []);
        });

        it(`[${lang}] in Teams the rating buttons come as a card`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang), undefined, 'msteams');
            const closing = await convo.say(r.bye);
            const question = closing[closing.length - 1];
            assert.deepStrictEqual(question.buttons, [r.up, r.down]);
        });
    }
});
