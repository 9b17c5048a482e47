import { Localizer } from '../language/i18n';
import { IntentRecognizer } from '../language/nlu';
import { readMessage } from '../turn/understand';
import { isLang } from '../core/language';
import { LOCALES_DIR } from '../paths';
import { parseArgs } from './args';

/**
 * `npm run --silent intent -- "<text>" [--lang de|en]`: prints one JSON line
 * `{"intent": "...", "score": 0.0-1.0, "language": "de"|"en", "intents": [...], "entities": {...}}`:
 * the intent the bot acts on first (the first of several requests), every intent found in its sentences, and
 * every entity (emails, references, user ID, yes/no, code, language asked for).
 */
async function main(): Promise<void> {
    const { options, words } = parseArgs(process.argv.slice(2));
    const text = words.join(' ').trim();
    if (text === '' || (options.lang !== undefined && !isLang(options.lang))) {
        process.stderr.write('usage: npm run --silent intent -- "<text>" [--lang de|en]\n');
        process.exitCode = 2;
        return;
    }
    const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
    const lang = isLang(options.lang) ? options.lang : undefined;
    const reading = await readMessage(recognizer, (one) => localizer.t(one), text, lang);
    // With several requests in one message, the one the bot takes up first.
    const result = reading.lead;
    const line: Record<string, unknown> = { intent: result.intent, score: round(result.score), language: result.language };
    if (result.targetLanguage) {
        line.target = result.targetLanguage;
    }
    line.intents = reading.intents.map((one) => ({ intent: one.intent, score: round(one.score), ...(one.targetLanguage ? { target: one.targetLanguage } : {}) }));
    line.entities = Object.fromEntries(Object.entries(reading.entities).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
    process.stdout.write(JSON.stringify(line) + '\n');
}

function round(score: number): number {
    return Math.round(score * 1000) / 1000;
}

main().catch((err: unknown) => {
    process.stderr.write(`intent: ${(err as Error).message}\n`);
    process.exitCode = 1;
});
