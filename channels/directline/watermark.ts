import { HttpError } from '../../web/httpError';

/**
 * Reads a Direct Line watermark: the number of the last activity the client
 * has; empty, absent or `-` means "from the start" (0).
 * @throws HttpError 400 for anything else.
 */
export function parseWatermark(text: string | null | undefined): number {
    if (text === undefined || text === null || text === '' || text === '-') {
        return 0;
    }
    if (!/^\d{1,15}$/.test(text)) {
        throw new HttpError(400, 'InvalidWatermark', 'The watermark must be a whole number, as returned by the last read.');
    }
    return Number(text);
}
