import type { Activity } from 'botbuilder';
import { HttpError } from '../web/httpError';

const MAX_ID = 1024;
const MAX_TEXT = 20_000;

/**
 * Checks that a parsed body is an activity the adapter and the bot can handle,
 * and answers 400 with what is wrong otherwise (the stock adapter would answer
 * some of these with 500 and its internal error text).
 */
export function checkActivity(body: Record<string, unknown>): Activity {
    const fail = (message: string): never => {
        throw new HttpError(400, 'InvalidActivity', message);
    };
    const str = (value: unknown, field: string, max: number, required: boolean): void => {
        if (value === undefined || value === null) {
            if (required) {
                fail(`"${field}" is required.`);
            }
            return;
        }
        if (typeof value !== 'string') {
            fail(`"${field}" must be a string.`);
        }
        const text = value as string;
        if (required && text.trim() === '') {
            fail(`"${field}" must not be empty.`);
        }
        if (text.length > max) {
            fail(`"${field}" must not be longer than ${max} characters.`);
        }
    };
    const obj = (value: unknown, field: string, required: boolean): Record<string, unknown> | undefined => {
        if (value === undefined || value === null) {
            if (required) {
                fail(`"${field}" is required.`);
            }
            return undefined;
        }
        if (typeof value !== 'object' || Array.isArray(value)) {
            fail(`"${field}" must be an object.`);
        }
        return value as Record<string, unknown>;
    };
    const arr = (value: unknown, field: string): void => {
        if (value !== undefined && value !== null && !Array.isArray(value)) {
            fail(`"${field}" must be an array.`);
        }
        if (Array.isArray(value) && value.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))) {
            fail(`"${field}" must hold objects.`);
        }
    };

    str(body.type, 'type', 64, true);
    str(body.id, 'id', MAX_ID, false);
    str(body.channelId, 'channelId', 128, true);
    str(body.serviceUrl, 'serviceUrl', 2048, true);
    str(body.locale, 'locale', 64, false);
    str(body.text, 'text', MAX_TEXT, false);
    str(body.deliveryMode, 'deliveryMode', 32, false);
    str(body.timestamp, 'timestamp', 64, false);
    str(body.replyToId, 'replyToId', MAX_ID, false);
    const conversation = obj(body.conversation, 'conversation', true);
    str(conversation?.id, 'conversation.id', MAX_ID, true);
    const from = obj(body.from, 'from', true);
    str(from?.id, 'from.id', MAX_ID, true);
    str(from?.name, 'from.name', 256, false);
    const recipient = obj(body.recipient, 'recipient', true);
    str(recipient?.id, 'recipient.id', MAX_ID, true);
    obj(body.channelData, 'channelData', false);
    arr(body.attachments, 'attachments');
    arr(body.entities, 'entities');
    arr(body.membersAdded, 'membersAdded');
    arr(body.membersRemoved, 'membersRemoved');
    for (const member of [...((body.membersAdded as unknown[]) ?? []), ...((body.membersRemoved as unknown[]) ?? [])]) {
        str(obj(member, 'membersAdded[]', true)?.id, 'membersAdded[].id', MAX_ID, true);
    }
    try {
        const url = new URL(body.serviceUrl as string);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            fail('"serviceUrl" must be an http or https URL.');
        }
    } catch (err) {
        if (err instanceof HttpError) {
            throw err;
        }
        fail('"serviceUrl" must be a URL.');
    }
    return body as unknown as Activity;
}

/** True when the URL's host is this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackUrl(serviceUrl: string): boolean {
    let host: string;
    try {
        host = new URL(serviceUrl).hostname.toLowerCase();
    } catch {
        return false;
    }
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
