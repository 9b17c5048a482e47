import * as assert from 'assert';
import { jsonParameter } from '../../data/jsonParameter';

describe('jsonParameter (data/jsonParameter.ts)', () => {
    it('writes a lone surrogate as U+FFFD wherever it stands, and keeps a pair and everything else as JSON.stringify writes it', () => {
        const values = [['transcripts', 'k\uD800ey', 'half \uDC00 of a pair', 7, null], { text: 'emoji 👍 stays', nested: ['\uDBFF'] }];
        assert.deepStrictEqual(JSON.parse(jsonParameter(values)), [['transcripts', 'k\uFFFDey', 'half \uFFFD of a pair', 7, null], { text: 'emoji 👍 stays', nested: ['\uFFFD'] }]);
        const plain = [['bot_state', 'msteams/conversations/a:1/', '{"x":"Grüße"}', 3, null, null, 1700000000000]];
        assert.strictEqual(jsonParameter(plain), JSON.stringify(plain));
    });

    it('keeps a backslash and "ud800" typed as text as typed', () => {
        const typed = ['C:\\ud800\\temp', '\\uDC00'];
        assert.deepStrictEqual(JSON.parse(jsonParameter(typed)), typed);
    });
});
