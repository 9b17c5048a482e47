import * as fs from 'fs';
import type { Lang } from '../../core/language';

/** A customer who asks the bot about their account: not its billing contact, so case b or b/d applies. */
export interface Asker {
    readonly email: string;
    readonly name: string;
    readonly locale: Lang;
}

const FIRST_DE = ['Anna', 'Jonas', 'Lea', 'Lukas', 'Marie', 'Felix', 'Sophie', 'Paul', 'Emma', 'Jan', 'Hannah', 'Tim'];
const LAST_DE = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter'];
const FIRST_EN = ['Olivia', 'James', 'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Emily', 'Harry', 'Grace', 'Jack'];
const LAST_EN = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans'];

/**
 * Writes a directory of `accounts` companies in the demo-data format (half
 * German, half English; online and corporate), each with a billing contact
 * and two other members who ask the bot about it, and returns the askers.
 * Load runs need many people: the bot sends at most five codes an hour to one
 * address, as a real deployment would.
 */
export function writeDirectory(file: string, accounts: number): Asker[] {
    const data = { accounts: [] as object[], users: [] as object[], agents: [] as object[] };
    const askers: Asker[] = [];
    for (let i = 0; i < accounts; i++) {
        const lang: Lang = i % 2 === 0 ? 'de' : 'en';
        const [first, last] = lang === 'de' ? [FIRST_DE, LAST_DE] : [FIRST_EN, LAST_EN];
        const company = lang === 'de' ? `${last[i % last.length]} ${['GmbH', 'AG', 'KG'][i % 3]} ${i}` : `${last[i % last.length]} ${['Ltd', 'Inc', 'LLP'][i % 3]} ${i}`;
        const domain = `company-${i}.example`;
        const accountId = `ACC-B${i}`;
        data.accounts.push({ id: accountId, name: company, type: i % 4 < 2 ? 'online' : 'corporate', product: 'GoToMeeting Business', locale: lang });
        for (let m = 0; m < 3; m++) {
            const firstName = first[(i + m * 5) % first.length];
            const lastName = last[(i * 7 + m) % last.length];
            const name = `${firstName} ${lastName}`;
            const email = `${firstName}.${lastName}.${i}.${m}@${domain}`.toLowerCase().replace(/ü/g, 'ue').replace(/ö/g, 'oe').replace(/ä/g, 'ae');
            const roles = m === 0 ? ['admin', 'billing_contact'] : m === 1 ? ['admin'] : [];
            const locale: Lang = (i + m) % 3 === 0 ? (lang === 'de' ? 'en' : 'de') : lang;
            data.users.push({ id: `U-B${i}-${m}`, name, email, locale, memberships: [{ accountId, roles }] });
            if (m > 0) {
                askers.push({ email, name, locale });
            }
        }
    }
    fs.writeFileSync(file, JSON.stringify(data));
    return askers;
}
