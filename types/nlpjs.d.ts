// Minimal typings for the parts of NLP.js (axa-group/nlp.js v4) the bot uses.
declare module '@nlpjs/core' {
    export interface Container {
        use(plugin: unknown): void;
        get(name: 'nlp'): import('@nlpjs/nlp').NlpInstance;
        registerConfiguration(name: string, settings: Record<string, unknown>, overwrite?: boolean): void;
    }
    export function containerBootstrap(settings?: Record<string, unknown>): Promise<Container>;
}

declare module '@nlpjs/nlp' {
    export interface NluClassification {
        intent: string;
        score: number;
    }
    export interface NluResult {
        locale: string;
        intent: string;
        score: number;
        classifications: NluClassification[];
    }
    export interface NlpInstance {
        settings: Record<string, unknown>;
        addLanguage(locale: string): void;
        addDocument(locale: string, utterance: string, intent: string): void;
        train(): Promise<void>;
        nluManager: {
            process(input: { locale: string; utterance: string; settings?: Record<string, unknown> }): Promise<NluResult>;
            guessLanguage(utterance: string): string | undefined;
        };
    }
    export const Nlp: unknown;
}

declare module '@nlpjs/lang-en-min' {
    export const LangEn: unknown;
    /** The Porter stemmer the English classifier uses. */
    export class StemmerEn {
        stemWord(word: string): string;
    }
}

declare module '@nlpjs/lang-de' {
    export const LangDe: unknown;
    /** The Snowball stemmer the German classifier uses. */
    export class StemmerDe {
        stemWord(word: string): string;
    }
}
