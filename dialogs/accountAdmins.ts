import type { TurnContext } from 'botbuilder';
import type { AccountRepository } from '../data/repositories/accountRepository';
import { conjunctionList } from '../core/listFormat';
import { turnInfo } from '../turn/turn';
import { containsPhrase, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { asksQuestion } from './prompts/yesNoAnswer';
import { clausesOf } from '../turn/understand';

/**
 * "The admins of Northwind Traders Ltd are Chris Taylor, Peter Brooks, and Sarah Lee." (`main:accountAdmins.answer`):
 * the account's admins by name, never their addresses; undefined for an unknown account or one without admins.
 */
export async function accountAdminsLine(context: TurnContext, accounts: AccountRepository, accountId: string): Promise<string | undefined> {
    const { t, lang } = turnInfo(context);
    const [members, account] = await Promise.all([accounts.members(accountId), accounts.get(accountId)]);
    const admins = members.filter((m) => m.isAdmin).map((m) => m.user.name);
    return admins.length === 0 || !account ? undefined : t('main:accountAdmins.answer', { account: account.name, names: conjunctionList(lang).format(admins), count: admins.length });
}

/**
 * True for a question who may change the billing contact ("but who can change it?", "wer darf das ändern?"):
 * a who-word (`main:whoQuestionWords`) and a word of changing (`main:accountAdmins.mayChange`) in one clause of a
 * question. "who is our billing contact and can I change it?" asks two things, neither of them who may change.
 */
export function asksWhoMayChange(context: TurnContext, text: string): boolean {
    const { t } = turnInfo(context);
    return (
        asksQuestion(context, text) &&
        clausesOf(text, t).some((clause) => wordsOf(clause).some((word) => phraseList(t, 'main:whoQuestionWords').includes(word)) && containsPhrase(clause, phraseList(t, 'main:accountAdmins.mayChange')))
    );
}

/**
 * "Only the account's admins can ask for a change of the billing contact." (`main:accountAdmins.onlyAdmins`), with the
 * admins by name when the person's account is known ({@link accountAdminsLine}).
 */
export async function whoMayChangeAnswer(context: TurnContext, accounts: AccountRepository, accountId: string | undefined): Promise<string> {
    const { t } = turnInfo(context);
    const admins = accountId ? await accountAdminsLine(context, accounts, accountId) : undefined;
    return admins ? `${t('main:accountAdmins.onlyAdmins')} ${admins}` : t('main:accountAdmins.onlyAdmins');
}
