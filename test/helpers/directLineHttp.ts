/** A response of the Direct Line API as a test sees it. */
export interface DlResponse<T = Record<string, unknown>> {
    readonly status: number;
    readonly body: T;
    readonly headers: Headers;
}

/** The Direct Line `Conversation` object. */
export interface DlConversation {
    readonly conversationId: string;
    readonly token: string;
    readonly expires_in: number;
    readonly streamUrl: string;
}

/** An activity as the API returns it. */
export interface DlActivity {
    readonly type: string;
    readonly id: string;
    readonly text?: string;
    readonly from: { id: string; role?: string; name?: string };
    readonly channelData?: Record<string, unknown>;
    readonly suggestedActions?: { actions: Array<{ title: string; value: string }> };
    readonly locale?: string;
    readonly conversation: { id: string };
}

/** `GET …/activities`. */
export interface DlActivitySet {
    readonly activities: DlActivity[];
    readonly watermark: string;
}

/** Calls the bot's Direct Line API (`/v3/directline` + `path`) with fetch, as any HTTP client would. */
export async function dl<T = Record<string, unknown>>(base: string, method: string, path: string, credential?: string, body?: unknown, headers: Record<string, string> = {}): Promise<DlResponse<T>> {
    const response = await fetch(`${base}/v3/directline${path}`, {
        method,
        headers: {
            ...(credential ? { Authorization: `Bearer ${credential}` } : {}),
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...headers
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

/** Texts of the bot's messages among `activities`. */
export function botTexts(activities: readonly DlActivity[]): string[] {
    return activities.filter((a) => a.type === 'message' && a.from.role === 'bot').map((a) => a.text ?? '');
}

/** The claims of a Direct Line token (`conv`, `user`, `exp`), read without checking it. */
export function tokenClaims(token: string): { conv: string; user: string; exp: number } {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { conv: string; user: string; exp: number };
}
