import type { Lang } from './language';

/** One opening window: on these weekdays (0 = Sunday) from `start` to `end` minutes after midnight. */
interface OpeningWindow {
    readonly days: readonly number[];
    readonly start: number;
    readonly end: number;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A Sunday, to render localized weekday names (any week would do). */
const A_SUNDAY = Date.UTC(2026, 0, 4);

/**
 * When customer service answers chats, in its own time zone: `always`, or
 * windows like `Mon-Fri 08:00-18:00; Sat 09:00-13:00`.
 */
export class BusinessHours {
    private readonly parts: Intl.DateTimeFormat;

    private constructor(private readonly windows: readonly OpeningWindow[] | 'always', public readonly timeZone: string, public readonly spec: string) {
        this.parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }

    /** Open around the clock. */
    public static always(timeZone = 'UTC'): BusinessHours {
        return new BusinessHours('always', timeZone, 'always');
    }

    /**
     * Parses a schedule. @throws Error with a message that says what is wrong
     * (the config turns it into a ConfigError naming the setting).
     */
    public static parse(spec: string, timeZone: string): BusinessHours {
        try {
            new Intl.DateTimeFormat('en-US', { timeZone });
        } catch {
            throw new Error(`must be an IANA time zone such as Europe/Berlin (got "${timeZone}")`);
        }
        const text = spec.trim();
        if (/^(always|24\/7)$/i.test(text)) {
            return new BusinessHours('always', timeZone, 'always');
        }
        const windows = text.split(';').map((part) => parseWindow(part.trim()));
        return new BusinessHours(windows, timeZone, text);
    }

    /** True when `at` falls in an opening window, in the schedule's time zone. */
    public isOpen(at: Date): boolean {
        if (this.windows === 'always') {
            return true;
        }
        const parts = this.parts.formatToParts(at);
        const value = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
        const day = DAY_NAMES.indexOf(value('weekday').toLowerCase().slice(0, 3) as (typeof DAY_NAMES)[number]);
        const minutes = Number(value('hour')) * 60 + Number(value('minute'));
        return this.windows.some((w) => w.days.includes(day) && minutes >= w.start && minutes < w.end);
    }

    /** The schedule for people, with weekday names in `lang`: "Mo.–Fr. 08:00–18:00 (Europe/Berlin)". */
    public describe(lang: Lang): string {
        if (this.windows === 'always') {
            return '24/7';
        }
        const dayName = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
        const name = (day: number): string => dayName.format(new Date(A_SUNDAY + day * 86_400_000));
        const windows = this.windows.map((w) => {
            const first = w.days[0];
            const last = w.days[w.days.length - 1];
            const days = first === last ? name(first) : `${name(first)}–${name(last)}`;
            return `${days} ${clock(w.start)}–${clock(w.end)}`;
        });
        return `${windows.join(', ')} (${this.timeZone})`;
    }
}

function parseWindow(text: string): OpeningWindow {
    const match = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
    if (!match) {
        throw new Error(`must be "always" or windows like "Mon-Fri 08:00-18:00; Sat 09:00-13:00" (got "${text}")`);
    }
    const from = dayIndex(match[1]);
    const to = match[2] ? dayIndex(match[2]) : from;
    const start = minutesOf(match[3], match[4]);
    const end = minutesOf(match[5], match[6]);
    if (end <= start) {
        throw new Error(`has a window that ends before it starts ("${text}")`);
    }
    const days: number[] = [];
    for (let day = from; ; day = (day + 1) % 7) {
        days.push(day);
        if (day === to) {
            break;
        }
    }
    return { days, start, end };
}

function dayIndex(name: string): number {
    const index = DAY_NAMES.indexOf(name.toLowerCase() as (typeof DAY_NAMES)[number]);
    if (index < 0) {
        throw new Error(`has an unknown weekday "${name}" (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
    }
    return index;
}

function minutesOf(hours: string, minutes: string): number {
    const h = Number(hours);
    const m = Number(minutes);
    if (h > 24 || m > 59 || (h === 24 && m !== 0)) {
        throw new Error(`has an impossible time ${hours}:${minutes}`);
    }
    return h * 60 + m;
}

function clock(minutes: number): string {
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
