import * as assert from 'assert';
import type { Message } from 'botframework-directlinejs';
import { nodeDirectLine, ReceivedActivities } from '../../helpers/directLineNode';
import { PHRASES } from '../../helpers/phrases';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';
import { JONAS } from '../../helpers/demoPeople';

/**
 * Through botframework-directlinejs against the started server: Jonas asks for the change with its reason in one
 * message, is not asked for the reason again, files, asks how long it takes and gets the request he just filed;
 * then he emails Anna and corrects the number of licences before sending.
 */
describe('A change request with its reason, "wie lange dauert das?" and a corrected number (Direct Line)', () => {
    let running: RunningApp;
    let chat: ReceivedActivities | undefined;

    beforeEach(async () => {
        running = await startRunningApp();
    });
    afterEach(async () => {
        chat?.end();
        await running.close();
    });

    function botTextsSince(from: number): string {
        return (chat?.all ?? []).slice(from).filter((a): a is Message => a.type === 'message' && a.from.role === 'bot').map((a) => a.text ?? '').join('\n');
    }

    it('[de] keeps the reason given up front, answers "wie lange dauert das?" with the request just filed, and corrects "3 statt 5" in the mail', async () => {
        const res = await fetch(`${running.url}/api/webchat/token`, { method: 'POST' });
        const { token } = (await res.json()) as { token: string };
        chat = new ReceivedActivities(nodeDirectLine({ domain: `${running.url}/v3/directline`, token, webSocket: true, conversationStartProperties: { locale: 'de-DE' } }));
        const de = { ...PHRASES.de };
        await chat.botSays(de.menu);
        await chat.say('die anna geht in rente, bitte lea fischer als rechnungskontakt eintragen', 'de-DE');
        await chat.botSays(de.askEmail);
        await chat.say(JONAS, 'de-DE');
        await chat.botSays(de.codeSent);
        let from = chat.all.length;
        await chat.say(await running.latestCode(JONAS), 'de-DE');
        await chat.botSays(TASK_PHRASES.de.confirm);
        const summary = botTextsSince(from);
        assert.match(summary, /Neuer Abrechnungskontakt: Lea Fischer/);
        assert.match(summary, /Grund: Die Anna geht in rente/);
        assert.doesNotMatch(summary, TASK_PHRASES.de.askReason);
        await chat.say('ja', 'de-DE');
        const filed = await chat.botSays(TASK_PHRASES.de.filed);
        const reference = TASK_PHRASES.de.filed.exec(filed.text ?? '')?.[1] ?? '';
        from = chat.all.length;
        await chat.say('wie lange dauert das?', 'de-DE');
        await chat.botSays(/Wie lange das dauert, kann ich Ihnen leider nicht sagen/);
        const howLong = botTextsSince(from);
        assert.ok(reference !== '' && howLong.includes(`Status ${reference}`), howLong);
        assert.doesNotMatch(howLong, /nichts abzubrechen|\d+\s*(?:Tage|Stunden|Wochen|Werktage)/);

        await chat.say('E-Mail an den Abrechnungsadministrator', 'de-DE');
        await chat.botSays(de.askMessage);
        await chat.say('Bitte buchen Sie fünf weitere Lizenzen für das Vertriebsteam.', 'de-DE');
        await chat.botSays(de.confirm);
        from = chat.all.length;
        await chat.say('nein, 3 lizenzen statt 5', 'de-DE');
        // botSays finds any message so far: wait for the corrected draft itself, then for the question after it.
        await chat.botSays(/Bitte buchen Sie 3 weitere Lizenzen für das Vertriebsteam\./);
        await chat.waitFor((a) => a.type === 'message' && a.from.role === 'bot' && (chat?.all.indexOf(a) ?? 0) > from + 1 && de.confirm.test(a.text ?? ''), 'asking again');
        const corrected = botTextsSince(from);
        assert.doesNotMatch(corrected, /statt 5|fünf weitere/);
        await chat.say('ja', 'de-DE');
        await chat.botSays(de.sent);
    });
});
