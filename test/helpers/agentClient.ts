/** A JSON response of the console API. */
export interface ApiResponse<T = Record<string, unknown>> {
    readonly status: number;
    readonly body: T;
    readonly headers: Headers;
}

/**
 * The agent console's API as the page uses it: signs in, keeps the session
 * cookie and sends the CSRF token on every state-changing request.
 */
export class AgentClient {
    public cookie?: string;
    public csrfToken?: string;

    public constructor(private readonly baseUrl: string) {}

    public async login(login: string, password: string): Promise<ApiResponse> {
        const res = await this.request('POST', '/agent/api/login', { login, password });
        const setCookie = res.headers.get('set-cookie');
        if (res.status === 200 && setCookie) {
            this.cookie = setCookie.split(';')[0];
            this.csrfToken = String(res.body.csrfToken);
        }
        return res;
    }

    public get<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>> {
        return this.request<T>('GET', path);
    }

    public post<T = Record<string, unknown>>(path: string, body: unknown = {}, csrfToken: string | undefined = this.csrfToken): Promise<ApiResponse<T>> {
        return this.request<T>('POST', path, body, csrfToken);
    }

    public async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, csrfToken?: string): Promise<ApiResponse<T>> {
        const headers: Record<string, string> = {};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        if (this.cookie) {
            headers.Cookie = this.cookie;
        }
        if (csrfToken) {
            headers['X-CSRF-Token'] = csrfToken;
        }
        const res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await res.text();
        return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
    }
}
