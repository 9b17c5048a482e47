import * as assert from 'assert';
import { escapeHtml } from '../../core/html';

describe('escapeHtml: text is safe in HTML content and attributes', () => {
    it('escapes the five characters that can break out of content or a quoted attribute', () => {
        assert.strictEqual(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    });

    it('escapes an ampersand once, so existing entities show as written', () => {
        assert.strictEqual(escapeHtml('&amp; &lt;'), '&amp;amp; &amp;lt;');
    });

    it('leaves other text, umlauts included, as it is', () => {
        assert.strictEqual(escapeHtml('Rechnungsempfänger: Müller, 50 %'), 'Rechnungsempfänger: Müller, 50 %');
        assert.strictEqual(escapeHtml(''), '');
    });
});
