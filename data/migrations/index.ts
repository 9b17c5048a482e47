import { migration001 } from './001_initial';
import { migration002 } from './002_change_requests_and_portal_resets';
import { migration003 } from './003_handoff';
import { migration004 } from './004_directline';
import { migration005 } from './005_transcripts';
import { migration006 } from './006_code_replaces_code';
import { migration007 } from './007_directline_append';
import { migration008 } from './008_proactive_deliveries';
import { migration009 } from './009_agent_desk';
import { migration010 } from './010_directline_budget';
import { migration011 } from './011_limit_indexes';
import { migration012 } from './012_delivery_indexes';
import { migration013 } from './013_postgres_rowid';
import { migration014 } from './014_insights';
import { migration015 } from './015_retention_indexes';
import { migration017 } from './017_jobs_and_rate_windows';
import { migration018 } from './018_directory_version';
import { migration019 } from './019_turn_records';
import { migration020 } from './020_change_request_replaces';
import { migration021 } from './021_change_request_objections';
import { migration022 } from './022_verification_audit';
import { migration023 } from './023_audited_mail';
import { migration024 } from './024_code_mail';
import { migration025 } from './025_limited_mail';
import { migration026 } from './026_customer_away';
import { migration027 } from './027_waiting_since';

/** A numbered schema change. Never edit a released migration: add a new one. */
export interface Migration {
    readonly version: number;
    readonly name: string;
    /** The change in SQLite's dialect; on PostgreSQL it is translated (types only) unless {@link postgres} is given. */
    readonly sql: string;
    /** The same change in PostgreSQL's dialect, where translating the types is not enough (triggers, rebuilds, SQLite functions). */
    readonly postgres?: string;
    /**
     * Runs with foreign key enforcement off (a table rebuild: dropping the old
     * table must not cascade to its children); the keys are checked before
     * the commit.
     */
    readonly foreignKeysOff?: boolean;
}

/** All migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration017, migration018, migration019, migration020, migration021, migration022, migration023, migration024, migration025, migration026, migration027];
