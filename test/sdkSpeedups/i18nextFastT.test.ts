import * as assert from 'assert';
import i18next from 'i18next';
import { fastT } from '../../sdkSpeedups/i18nextFastT';

const SENTENCES = {
    greeting: 'Guten Tag, {{name}}. Sie haben {{ count_of }} offene Anfragen.',
    nested: 'Bitte $t(common:greeting)',
    lines: ['Guten Tag {{name}},', 'Ihr Code lautet {{code}}.'],
    plural_one: 'eine Anfrage',
    plural_other: '{{count}} Anfragen'
};

async function instance(): Promise<typeof i18next> {
    const created = i18next.createInstance();
    await created.init({ lng: 'de', fallbackLng: false, ns: ['common'], defaultNS: 'common', resources: { de: { common: SENTENCES } }, interpolation: { escapeValue: false }, returnNull: false } as never);
    return created;
}

describe('the i18next fast path pins the i18next internals it relies on', () => {
    it('getResource gives the raw stored sentence and list, placeholders unfilled', async () => {
        const created = await instance();
        assert.strictEqual(created.getResource('de', 'common', 'greeting'), SENTENCES.greeting);
        assert.deepStrictEqual(created.getResource('de', 'common', 'lines'), SENTENCES.lines);
    });

    it('i18next fills {{name}} (spaces allowed) unescaped, as the fast path does; nesting and plurals stay with i18next and agree', async () => {
        const created = await instance();
        const t = created.getFixedT('de');
        const fast = fastT(t, created, 'de');
        const values = { name: 'Müller & <Söhne>', count_of: 3 };
        assert.strictEqual(t('common:greeting', values), 'Guten Tag, Müller & <Söhne>. Sie haben 3 offene Anfragen.');
        assert.strictEqual(fast('common:greeting', values), t('common:greeting', values));
        assert.deepStrictEqual(fast('common:lines', { name: 'Ana', code: '123456', returnObjects: true }), ['Guten Tag Ana,', 'Ihr Code lautet 123456.']);
        assert.strictEqual(fast('common:nested', values), t('common:nested', values));
        assert.strictEqual(fast('common:plural', { count: 1 }), 'eine Anfrage');
        assert.strictEqual(fast('common:plural', { count: 4 }), '4 Anfragen');
    });
});
