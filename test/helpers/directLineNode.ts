import { DirectLine, type Activity, type DirectLineOptions, type Message } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable';
import type { Subscription } from 'rxjs/Subscription';
import type { AjaxCreationMethod, AjaxRequest, AjaxResponse } from 'rxjs/observable/dom/AjaxObservable';
import { WebSocket } from 'ws';

/**
 * botframework-directlinejs is written for browsers: it sends requests with
 * RxJS's XMLHttpRequest-based `ajax` and streams with the global `WebSocket`
 * (it only uses WebSocket when that global exists). In Node 20 neither exists,
 * so the client gets a fetch-based `ajax` through its `ajax` option and the
 * `ws` package as the global WebSocket. The protocol code under test is the
 * library's own.
 */
export function nodeDirectLine(options: DirectLineOptions, onFailure?: (what: string) => void): DirectLine {
    const globals = globalThis as { WebSocket?: unknown };
    globals.WebSocket ??= WebSocket;
    return new DirectLine({ pollingInterval: 200, ...options, ajax: onFailure ? tracedAjax(onFailure) : fetchAjax });
}

/** {@link fetchAjax} that reports each failed request (method, path, status), for the message of a test failure. */
function tracedAjax(onFailure: (what: string) => void): AjaxCreationMethod {
    const traced = (urlOrRequest: string | AjaxRequest): Observable<AjaxResponse> => {
        const request: AjaxRequest = typeof urlOrRequest === 'string' ? { url: urlOrRequest } : urlOrRequest;
        return new Observable<AjaxResponse>((subscriber) =>
            fetchAjax(request).subscribe({
                next: (value) => subscriber.next(value),
                error: (err: { status?: number; message?: string }) => {
                    onFailure(`${request.method ?? 'GET'} ${new URL(request.url ?? '', 'http://x').pathname.split('/').slice(-1)[0]} failed: ${err.status ?? '?'} ${err.message ?? ''}`);
                    subscriber.error(err);
                },
                complete: () => subscriber.complete()
            })
        );
    };
    return Object.assign(traced, { get: unsupported, post: unsupported, put: unsupported, patch: unsupported, delete: unsupported, getJSON: unsupported });
}

/** RxJS 5 `ajax` over fetch: JSON in, `{ response, status }` out, errors carry `status` like the XHR ones. */
const fetchAjax: AjaxCreationMethod = Object.assign(
    (urlOrRequest: string | AjaxRequest): Observable<AjaxResponse> => {
        const request: AjaxRequest = typeof urlOrRequest === 'string' ? { url: urlOrRequest } : urlOrRequest;
        return new Observable<AjaxResponse>((subscriber) => {
            const abort = new AbortController();
            const headers = (request.headers ?? {}) as Record<string, string>;
            const body = request.body === undefined || typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
            // As RxJS's XHR ajax: past `request.timeout` the request is given up with an error (directlinejs then polls or posts again).
            const timer = request.timeout ? setTimeout(() => {
                abort.abort();
                subscriber.error({ status: 0, message: 'ajax timeout' });
            }, request.timeout) : undefined;
            fetch(request.url ?? '', { method: request.method ?? 'GET', headers, body, signal: abort.signal })
                .then(async (res) => {
                    const text = await res.text();
                    clearTimeout(timer);
                    const response: unknown = text ? JSON.parse(text) : null;
                    const result = { status: res.status, response, responseText: text, request, xhr: { getResponseHeader: (name: string) => res.headers.get(name) } };
                    if (res.ok) {
                        subscriber.next(result as unknown as AjaxResponse);
                        subscriber.complete();
                    } else {
                        subscriber.error(result);
                    }
                })
                .catch((err: Error) => {
                    if (err.name !== 'AbortError') {
                        subscriber.error({ status: 0, message: err.message });
                    }
                });
            return () => {
                clearTimeout(timer);
                abort.abort();
            };
        });
    },
    {
        get: unsupported,
        post: unsupported,
        put: unsupported,
        patch: unsupported,
        delete: unsupported,
        getJSON: unsupported
    }
);

function unsupported(): never {
    throw new Error('fetchAjax: only ajax(request) is used by directlinejs');
}

/** Everything a DirectLine client receives, with waits for what a test expects next. */
export class ReceivedActivities {
    public readonly all: Activity[] = [];
    private readonly subscription: Subscription;

    public constructor(private readonly directLine: DirectLine) {
        this.subscription = directLine.activity$.subscribe((activity) => this.all.push(activity));
    }

    /** Waits until an activity matches (10 s at most); returns it. */
    public async waitFor(predicate: (activity: Activity) => boolean, what: string): Promise<Activity> {
        const deadline = Date.now() + 10_000;
        for (;;) {
            const found = this.all.find(predicate);
            if (found) {
                return found;
            }
            if (Date.now() > deadline) {
                throw new Error(`no activity ${what}; received: ${JSON.stringify(this.texts())}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    /** Waits for a bot message matching `pattern`. */
    public async botSays(pattern: RegExp): Promise<Message> {
        const isMatch = (a: Activity): a is Message => a.type === 'message' && a.from.role === 'bot' && pattern.test(a.text ?? '');
        return (await this.waitFor(isMatch, `saying ${pattern}`)) as Message;
    }

    /** Texts of the messages received, in order. */
    public texts(): string[] {
        return this.all.map((a) => (a.type === 'message' ? (a.text ?? '') : `(${a.type})`));
    }

    /** Posts a message as the user (with the page's `locale`, as Web Chat sends it, when given); resolves with its id. */
    public say(text: string, locale?: string): Promise<string> {
        return new Promise((resolve, reject) => {
            this.directLine.postActivity({ type: 'message', from: { id: 'ignored-by-the-server' }, text, ...(locale ? { locale } : {}) }).subscribe({ next: resolve, error: reject });
        });
    }

    /** Sends an event as the page does (e.g. the language switch `setLanguage`). */
    public event(name: string, value: unknown): Promise<string> {
        return new Promise((resolve, reject) => {
            this.directLine.postActivity({ type: 'event', name, value, from: { id: 'ignored-by-the-server' } }).subscribe({ next: resolve, error: reject });
        });
    }

    public end(): void {
        this.subscription.unsubscribe();
        this.directLine.end();
    }
}
