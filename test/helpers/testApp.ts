import type { App, AppOptions } from '../../app';
import { latestCode } from './outboxCode';
import { startRunningApp } from './runningApp';

/** A started bot on a free port over a fresh database file, plus helpers to talk to it over HTTP. */
export interface TestApp {
    readonly app: App;
    readonly dbFile: string;
    /** POSTs JSON (or raw bytes) to a path; returns status, headers and parsed body. */
    post(pathname: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult>;
    get(pathname: string): Promise<HttpResult>;
    /** The newest code mailed to `email`, as an operator reads it. */
    latestCode(email: string): Promise<string>;
    stop(): Promise<void>;
}

/** What an HTTP call returned. */
export interface HttpResult {
    readonly status: number;
    readonly headers: Headers;
    readonly text: string;
    readonly json: unknown;
}

/** Starts the real app with settings as environment variables would give them. */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
    const running = await startRunningApp({ env, options });
    const app = running.app;
    const call = async (pathname: string, init: RequestInit): Promise<HttpResult> => {
        const response = await fetch(app.url + pathname, init);
        const text = await response.text();
        let json: unknown;
        try {
            json = text ? JSON.parse(text) : undefined;
        } catch {
            json = undefined;
        }
        return { status: response.status, headers: response.headers, text, json };
    };
    return {
        app,
        dbFile: running.dbFile,
        post: (pathname, body, headers = {}) =>
            call(pathname, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...headers },
                body: typeof body === 'string' || body instanceof Uint8Array ? (body as RequestInit['body']) : JSON.stringify(body)
            }),
        get: (pathname) => call(pathname, { method: 'GET' }),
        latestCode: (email) => latestCode(app, email),
        stop: () => running.close()
    };
}

/** A message activity as a channel posts it to /api/messages, answered in the HTTP response. */
export function messageActivity(conversationId: string, text: string, locale = 'de-DE', extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        type: 'message',
        id: `${conversationId}-${Math.random().toString(36).slice(2)}`,
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:9',
        deliveryMode: 'expectReplies',
        conversation: { id: conversationId },
        from: { id: `user-${conversationId}`, name: 'Customer' },
        recipient: { id: 'bot', name: 'Billing Contact Assistant' },
        locale,
        text,
        ...extra
    };
}

/** The texts of an expectReplies response. */
export function replyTexts(json: unknown): string {
    const activities = (json as { activities?: Array<{ text?: string }> } | undefined)?.activities ?? [];
    return activities.map((a) => a.text ?? '').join('\n');
}
