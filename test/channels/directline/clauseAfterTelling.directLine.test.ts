import * as assert from 'assert';
import { draftAtOfferToAnna, useDirectLineChats } from '../../helpers/directLineChats';

/**
 * "ja bitte schreib ihr, ob sie mich morgen um 10 Uhr anrufen kann …" at the offer to write to Anna Müller: the "ob"
 * right after the words to her opens what is passed on (`emailAdmin:clauseOpeners`), as it does after "frag sie, ob",
 * and she is addressed ("ob Sie mich … anrufen können"). Before, the mail read "Ob sie mich morgen um 10 uhr anrufen kann
 * …", a fragment about her. Through botframework-directlinejs against the started server, as Web Chat sends it.
 */
describe('A "dass"/"ob" clause after the words to the recipient (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "ja bitte schreib ihr ob sie mich morgen um 10 uhr anrufen kann wegen der rechnung vom mai" asks her in the mail', async () => {
        const draft = await draftAtOfferToAnna(chats, 'ja bitte schreib ihr ob sie mich morgen um 10 uhr anrufen kann wegen der rechnung vom mai');
        assert.match(draft, /\n\s*Ich möchte gern wissen, ob Sie mich morgen um 10 uhr anrufen können wegen der rechnung vom mai\n/);
        assert.doesNotMatch(draft, /\n\s*Ob sie mich/);
    });
});
