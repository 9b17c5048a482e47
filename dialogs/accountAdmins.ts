import type { TurnContext } from 'botbuilder';
import type { AccountRepository } from '../data/repositories/accountRepository';
import { conjunctionList } from '../core/listFormat';
import { turnInfo } from '../turn/turn';

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
