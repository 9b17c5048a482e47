import { Channels, TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { ChannelIdentity, RecognisedPerson } from '../../turn/channelIdentity';
import { getLogger } from '../../core/logger';
import type { UserRepository } from '../../data/repositories/userRepository';

const log = getLogger('channels.teams.identity');

/**
 * Who is writing in Teams: the member's email and tenant from the Teams
 * connector (`TeamsInfo.getMember`). A person is recognised without a code
 * only when the tenant is on the allowed list, the connector's answer agrees
 * with the activity (tenant, Azure AD object id), and the email is on file.
 * Off unless channel authentication is on: without it anyone could post a
 * Teams-shaped activity.
 */
export class TeamsIdentity implements ChannelIdentity {
    private readonly tenants: ReadonlySet<string>;

    public constructor(private readonly users: UserRepository, allowedTenants: readonly string[], private readonly channelAuthenticated: boolean) {
        this.tenants = new Set(allowedTenants.map((t) => t.toLowerCase()));
        if (this.tenants.size > 0 && !channelAuthenticated) {
            log.warn('TEAMS_ALLOWED_TENANTS is ignored in local mode: without channel authentication a Teams sign-in cannot be trusted');
        }
    }

    /** True when this can recognise anyone at all. */
    public get enabled(): boolean {
        return this.channelAuthenticated && this.tenants.size > 0;
    }

    public async recognise(context: TurnContext): Promise<RecognisedPerson | undefined> {
        const activity = context.activity;
        if (!this.enabled || activity.channelId !== Channels.Msteams) {
            return undefined;
        }
        const tenant = tenantOf(activity.channelData) ?? activity.conversation?.tenantId;
        if (!tenant || !this.tenants.has(tenant.toLowerCase())) {
            log.info('Teams tenant not allowed for sign-in identification', { tenant: tenant ?? '(none)' });
            return undefined;
        }
        let member: TeamsChannelAccount;
        try {
            member = await TeamsInfo.getMember(context, activity.from.id);
        } catch (err) {
            log.warn('could not read the Teams member; asking for a code instead', { error: err });
            return undefined;
        }
        if ((member.tenantId && member.tenantId.toLowerCase() !== tenant.toLowerCase()) || (activity.from.aadObjectId && member.aadObjectId && member.aadObjectId !== activity.from.aadObjectId)) {
            log.warn('Teams member does not match the activity; asking for a code instead');
            return undefined;
        }
        const user = member.email ? await this.users.findByEmail(member.email) : undefined;
        if (!user) {
            log.info('Teams member is not on file; asking for a code instead', { email: member.email ?? '(none)' });
            return undefined;
        }
        log.info('Teams member recognised', { user: user.id });
        return { user, method: 'teams' };
    }
}

function tenantOf(channelData: unknown): string | undefined {
    const tenant = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant;
    return typeof tenant?.id === 'string' && tenant.id !== '' ? tenant.id : undefined;
}
