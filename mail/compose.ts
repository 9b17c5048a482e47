import type { TFunction } from 'i18next';

/** Subject and plain-text body of a mail, in one language. */
export interface ComposedMail {
    readonly subject: string;
    readonly body: string;
}

/**
 * Renders the mail `mail:<template>` (subject and body lines) in the language of
 * `t`, followed by the common signature.
 */
export function composeMail(t: TFunction, template: string, args: Record<string, string | number>): ComposedMail {
    const subject = t(`mail:${template}.subject`, args);
    const lines = t(`mail:${template}.body`, { ...args, returnObjects: true }) as unknown;
    const body = Array.isArray(lines) ? lines.join('\n') : String(lines);
    const signature = t('mail:signature', { returnObjects: true }) as unknown;
    return { subject, body: `${body}\n\n${Array.isArray(signature) ? signature.join('\n') : String(signature)}\n` };
}
