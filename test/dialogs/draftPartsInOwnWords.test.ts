import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import { ANNA, LEA, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = PHRASES.de;
const en = PHRASES.en;

/** The words `words` in a mail that holds none of `gone`. */
function only(words: string, ...gone: string[]): RegExp {
    return new RegExp(`^${gone.map((word) => `(?![\\s\\S]*${word})`).join('')}[\\s\\S]*${words}`);
}

/** Lea Fischer (no billing contact of Müller Design) verified, at "Soll ich sie senden?" with `draft` shown. */
function leaAtPreview(lang: 'de' | 'en', draft: string): Step[] {
    const [who, yes] = lang === 'de' ? ['wer ist unser abrechnungskontakt?', 'ja'] : ['who is our billing contact?', 'yes'];
    return [{ say: who }, { say: LEA }, { say: CODE, expect: [PHRASES[lang].offerEmail] }, { say: yes, expect: [PHRASES[lang].askMessage] },
        { say: draft, expect: [PHRASES[lang].preview, PHRASES[lang].confirm] }];
}

/** The mail's text in the body the preview shows: what follows the colon of the mail's frame. */
function shownText(words: string): RegExp {
    return new RegExp(`:\\s*\\n\\n${words}\\s*\\n\\n`);
}

const ROWS: readonly ConversationRow[] = [
    // A part of the draft corrected in the person's own words ("statt X lieber Y", "nicht X sondern Y", "replace X with Y"):
    // only that part changes, the draft is shown again; the correction's words are neither the mail nor added to it.
    ...(
        [
            ['de', 'Bitte stellen Sie die Rechnung zum 10.12. aus, wir brauchen 3 weitere Lizenzen.', 'schreiben Sie statt 10.12. lieber 15.12.', 'Bitte stellen Sie die Rechnung zum 15\\.12\\. aus, wir brauchen 3 weitere Lizenzen\\.', ['10\\.12', 'statt', 'lieber']],
            ['de', 'Bitte stellen Sie die Rechnung zum 10.12. aus, wir brauchen 3 weitere Lizenzen.', 'statt 3 bitte 5', 'Bitte stellen Sie die Rechnung zum 10\\.12\\. aus, wir brauchen 5 weitere Lizenzen\\.', ['statt', '3 weitere']],
            ['de', 'Bitte schicken Sie mir die Rechnung vom November als PDF.', 'nicht november sondern oktober', 'Bitte schicken Sie mir die Rechnung vom Oktober als PDF\\.', ['November', 'sondern']],
            ['de', 'Bitte schicken Sie mir die Rechnung vom November als PDF.', 'nee warte, nicht november sondern oktober', 'Bitte schicken Sie mir die Rechnung vom Oktober als PDF\\.', ['November', 'sondern', 'warte']],
            ['de', 'Bitte schicken Sie mir die Rechnung vom Oktober.', 'nein, ich meinte November, nicht Oktober', 'Bitte schicken Sie mir die Rechnung vom November\\.', ['Oktober', 'meinte', 'nein']],
            ['de', 'Bitte schicken Sie mir die Rechnung vom November als PDF.', 'ersetzen Sie PDF durch Papier', 'Bitte schicken Sie mir die Rechnung vom November als Papier\\.', ['PDF', 'ersetzen']],
            ['de', 'Wir brauchen 3 weitere Lizenzen für das Vertriebsteam.', 'ändern Sie Vertriebsteam in Supportteam', 'Wir brauchen 3 weitere Lizenzen für das Supportteam\\.', ['Vertriebsteam', 'ändern']],
            ['en', 'Please send me 3 more licences by the 10th of December.', 'instead of 3 write 5', 'Please send me 5 more licences by the 10th of December\\.', ['instead', 'write', '3 more']],
            ['en', 'Please send me 3 more licences by the 10th of December.', 'replace December with January', 'Please send me 3 more licences by the 10th of January\\.', ['December', 'replace']],
            ['en', 'Please send me the November invoice as a PDF.', 'no wait, not november but october', 'Please send me the October invoice as a PDF\\.', ['November', 'but', 'wait']],
            ['en', 'Please send me the invoice for October.', 'no, I meant November, not October', 'Please send me the invoice for November\\.', ['October', 'meant', 'no,']],
            ['en', 'We need 3 more licences for the sales team.', 'change sales team to support team', 'We need 3 more licences for the support team\\.', ['sales', 'change']]
        ] as const
    ).map(([lang, draft, said, corrected, gone]): ConversationRow => ({
        name: `„${said}“ at the preview of "${draft}": only that part changes, the draft is shown again`,
        lang, email: LEA,
        steps: [...leaAtPreview(lang, draft),
            { say: said, expect: [PHRASES[lang].preview, shownText(corrected), PHRASES[lang].confirm], absent: [PHRASES[lang].notSent] },
            { say: lang === 'de' ? 'ja' : 'yes', expect: [PHRASES[lang].sent] }],
        outcome: { mailTo: { to: [ANNA], words: only(corrected, ...gone) } }
    })),
    {
        name: 'two corrections one after the other ("statt 10.12. lieber 15.12.", then "statt 3 bitte 5"): both parts changed, nothing added',
        lang: 'de', email: LEA,
        steps: [...leaAtPreview('de', 'Bitte stellen Sie die Rechnung zum 10.12. aus, wir brauchen 3 weitere Lizenzen.'),
            { say: 'schreiben Sie statt 10.12. lieber 15.12.', expect: [shownText('Bitte stellen Sie die Rechnung zum 15\\.12\\. aus, wir brauchen 3 weitere Lizenzen\\.')] },
            { say: 'statt 3 bitte 5', expect: [shownText('Bitte stellen Sie die Rechnung zum 15\\.12\\. aus, wir brauchen 5 weitere Lizenzen\\.')] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('Bitte stellen Sie die Rechnung zum 15\\.12\\. aus, wir brauchen 5 weitere Lizenzen\\.', '10\\.12', 'statt', 'lieber') } }
    },
    {
        name: '"change 3 to 5", then "make it 4 not 5": the number changes twice, nothing added',
        lang: 'en', email: LEA,
        steps: [...leaAtPreview('en', 'Please send me 3 more licences by the 10th of December.'),
            { say: 'change 3 to 5', expect: [shownText('Please send me 5 more licences by the 10th of December\\.')] },
            { say: 'replace December with January', expect: [shownText('Please send me 5 more licences by the 10th of January\\.')] },
            { say: 'make it 4 not 5', expect: [shownText('Please send me 4 more licences by the 10th of January\\.')] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('Please send me 4 more licences by the 10th of January\\.', 'December', 'make it', 'change') } }
    },
    // A part the draft does not hold: said so, the draft stays as it was and is asked about again.
    ...(
        [
            ['de', 'Bitte schicken Sie mir die Rechnung vom November als PDF.', 'nicht März sondern April', /„März“/],
            ['en', 'Please send me the November invoice as a PDF.', 'replace March with April', /"March"/]
        ] as const
    ).map(([lang, draft, said, named]): ConversationRow => ({
        name: `„${said}“ names nothing of the draft: said so, the draft is kept`,
        lang, email: LEA,
        steps: [...leaAtPreview(lang, draft),
            { say: said, expect: [named, PHRASES[lang].confirm], absent: [PHRASES[lang].preview, PHRASES[lang].notSent] },
            { say: lang === 'de' ? 'ja' : 'yes', expect: [PHRASES[lang].sent] }],
        outcome: { mailTo: { to: [ANNA], words: only(draft.replace(/\./g, '\\.'), 'April', 'March', 'März') } }
    })),
    // A person named where a part would be ("statt Anna bitte Jonas"): whom the mail goes to, not its text; the draft is kept.
    ...(
        [
            ['de', 'Bitte schicken Sie mir die Rechnung vom November als PDF.', 'statt Anna bitte Jonas', /nur an den Abrechnungskontakt/],
            ['en', 'Please send me the November invoice as a PDF.', 'not anna but jonas', /only send this email to the account's billing contact/]
        ] as const
    ).map(([lang, draft, said, answer]): ConversationRow => ({
        name: `„${said}“ at the preview: only the billing contact is written to, the draft is kept`,
        lang, email: LEA,
        steps: [...leaAtPreview(lang, draft),
            { say: said, expect: [answer, PHRASES[lang].confirm], absent: [PHRASES[lang].preview, PHRASES[lang].notSent] },
            { say: lang === 'de' ? 'ja' : 'yes', expect: [PHRASES[lang].sent] }],
        outcome: { mailTo: { to: [ANNA], words: only(draft.replace(/\./g, '\\.'), 'Jonas', 'jonas') } }
    })),
    // "nein, stattdessen: …", "no, instead write: …": the new words are the whole draft, also when they name numbers.
    {
        name: '„nein, stattdessen: bitte 5 weitere Lizenzen bestellen, nicht 3“ bei der Vorschau: der neue Text ist der ganze Entwurf',
        lang: 'de', email: LEA,
        steps: [...leaAtPreview('de', 'Bitte buchen Sie 3 weitere Lizenzen für das Vertriebsteam.'),
            { say: 'nein, stattdessen: bitte 5 weitere Lizenzen bestellen, nicht 3', expect: [de.preview, shownText('Bitte 5 weitere Lizenzen bestellen, nicht 3'), de.confirm], absent: [de.notSent] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('Bitte 5 weitere Lizenzen bestellen, nicht 3', 'Vertriebsteam', 'stattdessen', 'buchen') } }
    },
    {
        name: '"no, instead write: please order 5 more licences, not 3" at the preview: the new words are the whole draft, as written',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact?' }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] }, { say: 'yes', expect: [en.askMessage] },
            { say: 'Please book 3 more licences for the sales team.', expect: [en.preview] },
            { say: 'no, instead write: please order 5 more licences, not 3', expect: [en.preview, shownText('Please order 5 more licences, not 3'), en.confirm], absent: [en.notSent] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: only('Please order 5 more licences, not 3', 'sales team', 'instead', 'book') } }
    },
    // "no, instead say: …", "nein, stattdessen schreiben Sie: …": the words of writing after "instead" lead in; they are no part of the new text.
    {
        name: '"no, instead say: Hi Peter, please check the March invoice" at the preview: the new text without "say" (the greeting is the mail\'s own)',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact?' }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] }, { say: 'yes', expect: [en.askMessage] },
            { say: 'Please book 3 more licences for the sales team.', expect: [en.preview] },
            { say: 'no, instead say: Hi Peter, please check the March invoice, it looks too high.', expect: [en.preview, shownText('Please check the March invoice, it looks too high.'), en.confirm], absent: [en.notSent] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: only('Please check the March invoice', 'Say:', 'sales team') } }
    },
    {
        name: '„nein, stattdessen schreiben Sie: Bitte prüfen Sie die Rechnung vom März“ bei der Vorschau: der neue Text ohne „schreiben Sie“',
        lang: 'de', email: LEA,
        steps: [...leaAtPreview('de', 'Bitte buchen Sie 3 weitere Lizenzen für das Vertriebsteam.'),
            { say: 'nein, stattdessen schreiben Sie: Bitte prüfen Sie die Rechnung vom März, sie scheint zu hoch.', expect: [de.preview, shownText('Bitte prüfen Sie die Rechnung vom März, sie scheint zu hoch.'), de.confirm], absent: [de.notSent] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('Bitte prüfen Sie die Rechnung vom März', 'Schreiben Sie:', 'Vertriebsteam') } }
    },
    // At the offer to write, after the person said what the mail should say: a correction of those words keeps the mail and
    // changes them; the mail is neither dropped nor the correction its text.
    {
        name: '„Kann ich Anna eine Mail schicken? Wir brauchen die Rechnung vom November als PDF.“, beim Angebot „nee warte, nicht november sondern oktober“',
        lang: 'de', email: LEA,
        steps: [{ say: 'Kann ich Anna eine Mail schicken? Wir brauchen die Rechnung vom November als PDF.' }, { say: LEA },
            { say: CODE, expect: [de.offerEmail] },
            { say: 'nee warte, nicht november sondern oktober', expect: [de.preview, shownText('Wir brauchen die Rechnung vom Oktober als PDF\\.'), de.confirm], absent: [de.notSent] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('Wir brauchen die Rechnung vom Oktober als PDF\\.', 'November', 'sondern', 'warte') } }
    },
    {
        name: '"We need 3 more licences for the sales team. Who is our billing contact?", at the offer "make it 4"',
        lang: 'en', email: LEA,
        steps: [{ say: 'We need 3 more licences for the sales team. Who is our billing contact?' }, { say: LEA },
            { say: CODE, expect: [en.offerEmail] },
            { say: 'make it 4', expect: [en.preview, shownText('We need 4 more licences for the sales team\\.'), en.confirm], absent: [/make it/] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('We need 4 more licences for the sales team\\.', 'make it', '3 more') } }
    },
    // Offered the mail after "can I write to her? <the matter>": the answer to the offer is read, not the message that asked.
    ...(
        [
            ['de', 'Kann ich Anna eine Mail schicken? Wir brauchen die Rechnung vom November als PDF.', 'leiten Sie das bitte weiter', 'Wir brauchen die Rechnung vom November als PDF\\.', 'leiten Sie'],
            ['de', 'Kann ich Anna eine Mail schicken? Wir brauchen die Rechnung vom November als PDF.', 'ja, sagen Sie ihr, dass wir sie bis Freitag brauchen', 'Wir brauchen sie bis Freitag', 'sagen Sie ihr'],
            ['en', 'Can I email Anna? We need the November invoice as a PDF.', 'can you just forward this to her', 'We need the November invoice as a PDF\\.', 'forward']
        ] as const
    ).map(([lang, first, said, shown, gone]): ConversationRow => ({
        name: `„${first}“, at the offer „${said}“: the draft holds the words the answer gives`,
        lang, email: LEA,
        steps: [{ say: first }, { say: LEA }, { say: CODE, expect: [PHRASES[lang].offerEmail] },
            { say: said, expect: [PHRASES[lang].preview, shownText(shown), PHRASES[lang].confirm], absent: [PHRASES[lang].askMessage] },
            { say: lang === 'de' ? 'ja' : 'yes', expect: [PHRASES[lang].sent] }],
        outcome: { mailTo: { to: [ANNA], words: only(shown, gone) } }
    })),
    // The person's own salutation and sign-off: the mail greets the billing contact once, the sign-off closes the message.
    ...(
        [
            ['de', 'Hallo, bitte schicken Sie mir die Rechnung vom Oktober als PDF. Danke, Lea', 'Bitte schicken Sie mir die Rechnung vom Oktober als PDF\\.\\n\\nDanke, Lea', 'Hallo'],
            ['de', 'Hallo Anna, wir brauchen 3 weitere Lizenzen für das Vertriebsteam. Viele Grüße Lea', 'Wir brauchen 3 weitere Lizenzen für das Vertriebsteam\\.\\n\\nViele Grüße Lea', 'Hallo'],
            ['en', 'Hi Anna, we need 3 more licences for the sales team. Thanks, Lea', 'We need 3 more licences for the sales team\\.\\n\\nThanks, Lea', 'Hi Anna'],
            ['en', 'Hello, please send me the October invoice as a PDF.', 'Please send me the October invoice as a PDF\\.', 'Hello,']
        ] as const
    ).map(([lang, said, text, gone]): ConversationRow => ({
        name: `„${said}“: one greeting in the mail, the message as a letter's body`,
        lang, email: LEA,
        steps: [...leaAtPreview(lang, said).slice(0, -1), { say: said, expect: [shownText(text), PHRASES[lang].confirm] },
            { say: lang === 'de' ? 'ja' : 'yes', expect: [PHRASES[lang].sent] }],
        outcome: { mailTo: { to: [ANNA], words: only(`:\\n\\n${text}\\n\\n`, gone) } }
    })),
    {
        name: 'a sentence added to a message with a sign-off goes before it; a new salutation in it is not added',
        lang: 'de', email: LEA,
        steps: [...leaAtPreview('de', 'Hallo Anna, bitte schicken Sie mir die Rechnung vom Oktober als PDF. Danke, Lea'),
            { say: 'ergänze: Hallo Anna, die vom November brauche ich auch.', expect: [shownText('Bitte schicken Sie mir die Rechnung vom Oktober als PDF\\.\\n\\nDie vom November brauche ich auch\\.\\n\\nDanke, Lea')] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('PDF\\.\\n\\nDie vom November brauche ich auch\\.\\n\\nDanke, Lea\\n\\n', 'Hallo') } }
    }
];

describe('A draft corrected in the person\'s own words: the part named changes, the message stays a letter', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
});
