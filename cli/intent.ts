import { IntentRecognizer } from '../bot/nlu';
import { isLang } from '../core/language';
import { LOCALES_DIR } from '../paths';
import { parseArgs } from './args';

/**
 * `npm run --silent intent -- "<text>" [--lang de|en]`: prints one JSON line
 * `{"intent": "...", "score": 0.0-1.0, "language": "de"|"en"}`.
 */
async function main(): Promise<void> {
    const { options, words } = parseArgs(process.argv.slice(2));
    const text = words.join(' ').trim();
    if (text === '' || (options.lang !== undefined && !isLang(options.lang))) {
        process.stderr.write('usage: npm run --silent intent -- "<text>" [--lang de|en]\n');
        process.exitCode = 2;
        return;
    }
    const recognizer = await IntentRecognizer.train(LOCALES_DIR);
    const lang = isLang(options.lang) ? options.lang : undefined;
    const result = await recognizer.recognize(text, lang);
    const line: Record<string, unknown> = { intent: result.intent, score: Math.round(result.score * 1000) / 1000, language: result.language };
    if (result.targetLanguage) {
        line.target = result.targetLanguage;
    }
    process.stdout.write(JSON.stringify(line) + '\n');
}

main().catch((err: unknown) => {
    process.stderr.write(`intent: ${(err as Error).message}\n`);
    process.exitCode = 1;
});
