import { encodePng } from './png';

/** The app's accent colour (manifest `accentColor`, background of the colour icon). */
export const ACCENT_COLOR = '#0B5CAB';

type Shape = (x: number, y: number) => boolean;

/** A speech bubble with three lines of text, drawn on a 24-unit grid and scaled to the icon. */
function bubble(size: number, stroke?: number): { body: Shape; lines: Shape } {
    const u = size / 24;
    const outer: Shape = (x, y) => roundedRect(x, y, 3 * u, 4 * u, 21 * u, 16 * u, 3 * u) || triangle(x, y, [6 * u, 15 * u], [6 * u, 20.5 * u], [11 * u, 15 * u]);
    const body: Shape =
        stroke === undefined
            ? outer
            : (x, y) =>
                  outer(x, y) &&
                  !(roundedRect(x, y, 3 * u + stroke, 4 * u + stroke, 21 * u - stroke, 16 * u - stroke, Math.max(0, 3 * u - stroke)) ||
                      triangle(x, y, [6 * u + stroke, 15 * u - stroke], [6 * u + stroke, 20.5 * u - 2.2 * stroke], [11 * u - 2.2 * stroke, 15 * u - stroke]));
    const line = (y0: number, x1: number): Shape => (x, y) => roundedRect(x, y, 6.5 * u, y0 * u, x1 * u, (y0 + 1.6) * u, 0.8 * u);
    const lines: Shape = (x, y) => line(6.6, 17.5)(x, y) || line(9.2, 17.5)(x, y) || line(11.8, 13.5)(x, y);
    return { body, lines };
}

/** The colour icon, 192×192: a white speech bubble on the accent colour (Teams rounds the corners). */
export function colorIcon(): Buffer {
    const size = 192;
    const { body, lines } = bubble(size);
    const accent = hex(ACCENT_COLOR);
    return render(size, (x, y) => {
        const white = coverage(body, x, y) * (1 - coverage(lines, x, y));
        return [mix(accent[0], 255, white), mix(accent[1], 255, white), mix(accent[2], 255, white), 255];
    });
}

/** The outline icon, 32×32: the same bubble as a white outline on transparent. */
export function outlineIcon(): Buffer {
    const size = 32;
    const { body, lines } = bubble(size, 2);
    return render(size, (x, y) => [255, 255, 255, Math.round(255 * Math.min(1, coverage(body, x, y) + coverage(lines, x, y)))]);
}

function render(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            rgba.set(pixel(x, y), (y * size + x) * 4);
        }
    }
    return encodePng(size, size, rgba);
}

/** Share of a pixel inside the shape, from 4×4 samples (smooth edges). */
function coverage(shape: Shape, px: number, py: number): number {
    let inside = 0;
    for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
            if (shape(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) {
                inside++;
            }
        }
    }
    return inside / 16;
}

function roundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
    if (x < x0 || x > x1 || y < y0 || y > y1) {
        return false;
    }
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function triangle(x: number, y: number, a: [number, number], b: [number, number], c: [number, number]): boolean {
    const side = (p: [number, number], q: [number, number]): number => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
    const s1 = side(a, b);
    const s2 = side(b, c);
    const s3 = side(c, a);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function mix(from: number, to: number, share: number): number {
    return Math.round(from + (to - from) * share);
}

function hex(color: string): [number, number, number] {
    return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
}
