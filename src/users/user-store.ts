// The UserStore port: users, API tokens, sessions and the hash-chained audit log. Adapters pass runUserStoreContract.
import type { AuditEntry, AuditInput } from './audit-chain.js';
import type { ApiToken, Session, User } from './user.js';

export interface AuditQuery {
  /** Entries with seq greater than this. */
  afterSeq?: number;
  /** At most this many, in seq order. */
  limit?: number;
  /** Newest first instead of oldest first. */
  newestFirst?: boolean;
  /** Only entries with this action (and target), e.g. the comments on one alert. */
  action?: string;
  target?: string;
}

export interface UserStore {
  readonly dialect: string;
  /** Creates or upgrades the user tables (own migrations table); idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** VIGIL_CONFLICT when the username is taken. */
  addUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | undefined>;
  findUserByName(username: string): Promise<User | undefined>;
  /** Ordered by username. */
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  /** VIGIL_NOT_FOUND when there is no such user. */
  setPassword(userId: string, passwordHash: string): Promise<void>;
  /** Removes the user with their tokens and sessions; VIGIL_NOT_FOUND when absent. */
  removeUser(userId: string): Promise<void>;

  /** VIGIL_CONFLICT when the id exists. */
  addToken(token: ApiToken): Promise<void>;
  getToken(id: string): Promise<ApiToken | undefined>;
  /**
   * The token with its user in one look, undefined when either is unknown: every API request checks its bearer
   * token, in one round trip rather than two.
   */
  getTokenWithUser(id: string): Promise<{ token: ApiToken; user: User } | undefined>;
  listTokens(userId?: string): Promise<ApiToken[]>;
  /** VIGIL_NOT_FOUND when unknown. */
  revokeToken(id: string, at: string): Promise<void>;
  touchToken(id: string, at: string): Promise<void>;

  addSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of the user except `exceptIdHash` (a password change); returns how many ended. */
  deleteUserSessions(userId: string, exceptIdHash?: string): Promise<number>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;

  /** Appends one entry after the current head, atomically (concurrent writers never fork the chain). */
  appendAudit(input: AuditInput): Promise<AuditEntry>;
  /** Appends entries in order after the current head, atomically: one look at the head for the lot (a group commit). */
  appendAudits(inputs: readonly AuditInput[]): Promise<AuditEntry[]>;
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;
}
