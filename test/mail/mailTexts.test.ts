import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Localizer } from '../../language/i18n';
import { composeMail } from '../../mail/compose';
import { LOCALES_DIR } from '../../paths';

/** Mail templates: every key of `mail.json` with a subject and a body. */
function templates(): string[] {
    const tree = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, 'en', 'mail.json'), 'utf8')) as Record<string, unknown>;
    return Object.entries(tree)
        .filter(([, value]) => typeof value === 'object' && value !== null && 'subject' in value && 'body' in value)
        .map(([key]) => key);
}

/** The names a mail's salutation may carry, by each template's own argument. */
const NAMES = { name: 'Lea Fischer', recipientName: 'Lea Fischer', senderName: 'Jonas Weber', requesterName: 'Jonas Weber' };

describe('Mail texts: the sentence after the salutation', () => {
    let localizer: Localizer;
    before(async () => {
        localizer = await Localizer.load(LOCALES_DIR);
    });

    it('has the mail templates to check', () => {
        assert.ok(templates().includes('verificationCode'), templates().join(', '));
    });

    for (const template of templates()) {
        it(`[en] ${template}: "Hello …," is followed by a capital letter`, () => {
            const { body } = composeMail(localizer.t('en'), template, { ...NAMES, greeting: localizer.t('en')('mail:callbackConfirmation.greetingNamed', { name: 'Lea Fischer' }) });
            const [salutation, blank, first] = body.split('\n');
            // A callback confirmation greets by name only the verified person's own address (the service chooses the greeting).
            assert.match(salutation, /^Hello Lea Fischer,$/);
            assert.strictEqual(blank, '');
            assert.match(first, /^\p{Lu}/u, `after the salutation: ${first}`);
        });

        it(`[de] ${template}: "Guten Tag …," is followed by a lowercase word or a noun/pronoun that is always capitalised`, () => {
            const { body } = composeMail(localizer.t('de'), template, { ...NAMES, greeting: localizer.t('de')('mail:callbackConfirmation.greetingNamed', { name: 'Lea Fischer' }) });
            const [salutation, blank, first] = body.split('\n');
            assert.match(salutation, /^Guten Tag Lea Fischer,$/);
            assert.strictEqual(blank, '');
            assert.match(first, /^(\p{Ll}|Ihr|Sie|Jonas Weber)/u, `after the salutation: ${first}`);
        });
    }
});
