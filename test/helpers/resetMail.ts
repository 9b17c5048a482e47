import { decodeQuotedPrintable, type SmtpSink } from './smtpSink';

/** A reset link as mailed, and the same address on the test server. */
export interface MailedLink {
    /** The link exactly as the mail has it (built from PUBLIC_URL). */
    readonly mailed: string;
    /** Path and query, to call on the test server. */
    readonly path: string;
    readonly token: string;
}

/** Waits for the next mail to `to` (after `before` mails to that address) and returns its decoded text and subject. */
export async function nextMail(smtp: SmtpSink, to: string, before: number, timeoutMs = 10_000): Promise<{ subject: string; text: string }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
        const mails = smtp.received.filter((m) => m.to.includes(to));
        if (mails.length > before) {
            const raw = mails[mails.length - 1].raw;
            const [head, ...body] = raw.split(/\r?\n\r?\n/);
            const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1] ?? '';
            const subject = subjectLine.replace(/\r?\n[ \t]/g, ' ').replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, q: string) => decodeQuotedPrintable(q.replace(/_/g, ' ')));
            return { subject, text: decodeQuotedPrintable(body.join('\n\n')) };
        }
        if (Date.now() > until) {
            throw new Error(`nextMail(): no new mail to ${to} within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

/** The reset link in a mail's text. @throws when there is none. */
export function resetLinkIn(text: string): MailedLink {
    const match = /(https?:\/\/[^\s/]+)(\/portal\/reset\?token=([A-Za-z0-9_-]{43})&lang=(?:de|en))/.exec(text);
    if (!match) {
        throw new Error(`resetLinkIn(): no reset link in:\n${text}`);
    }
    return { mailed: match[1] + match[2], path: match[2], token: match[3] };
}

/** Cookie header value from a response's Set-Cookie (name=value only). */
export function cookieFrom(setCookie: string | null): string {
    return (setCookie ?? '').split(';')[0];
}

/** The hidden fields of the reset form. */
export function formFields(html: string): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const match of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) {
        fields[match[1]] = match[2];
    }
    return fields;
}
