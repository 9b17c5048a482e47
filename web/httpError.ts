/** A request the bot refuses, answered with `status` and a JSON body `{ error: { code, message } }`. */
export class HttpError extends Error {
    public constructor(public readonly status: number, public readonly code: string, message: string) {
        super(message);
        this.name = 'HttpError';
    }

    /** The JSON body sent to the client: nothing internal, only code and message. */
    public toBody(): { error: { code: string; message: string } } {
        return { error: { code: this.code, message: this.message } };
    }
}
