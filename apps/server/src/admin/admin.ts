import { USER_ROLES, type UserRole } from '@erun/contracts';
import { DrizzleUnitOfWork } from '../adapters/drizzle-unit-of-work.ts';
import type { Database } from '../db/client.ts';
import { DataDirLockedError, type DataDirLock, lockDataDir } from '../db/data-dir-lock.ts';
import { ModerationRepository } from '../modules/moderation/moderation.repository.ts';
import { ModerationService } from '../modules/moderation/moderation.service.ts';
import { UsersRepository } from '../modules/users/users.repository.ts';
import type { Clock } from '../ports/clock.ts';

/**
 * `npm run admin -- grant <email> moderator|admin`, `revoke <email>`, `list` (issue 17): roles are given from
 * the command line, never through the API without an admin. Each change is a row of the audit log (action
 * grant or revoke, no actor, reason "command line"). On PostgreSQL it works while servers run; the embedded
 * database belongs to one process, so the command refuses (in Korean and English) while a server holds DATA_DIR.
 */
export const ADMIN_USAGE = [
  'npm run admin -- grant <email> moderator|admin   역할 주기 / grant a role',
  'npm run admin -- revoke <email>                  역할 거두기 / take the role away',
  'npm run admin -- list                            운영자 목록 / list moderators and admins',
].join('\n');

export interface AdminResult {
  /** The process's exit code: 0 done, 1 refused (no such account…), 2 wrong usage. */
  code: number;
  lines: string[];
}

const GRANTABLE = USER_ROLES.filter((r): r is Exclude<UserRole, 'user'> => r !== 'user');

/** Runs one command against an open database (the CLI's work, called directly by the tests). */
export async function runAdminCommand(
  database: Database,
  args: string[],
  clock: Clock,
): Promise<AdminResult> {
  const moderation = new ModerationService(
    new DrizzleUnitOfWork(database.db),
    new ModerationRepository(database.db),
    clock,
    // Roles tell nobody and drop no socket; the users module's repository writes the role.
    {
      notify: async () => undefined,
      disconnect: () => undefined,
      accounts: new UsersRepository(database.db),
    },
  );
  const [command, email, role] = args;
  const usage = (why: string): AdminResult => ({ code: 2, lines: [why, '', ADMIN_USAGE] });
  if (command === 'list' && args.length === 1) {
    const staff = await moderation.staff();
    if (staff.length === 0) return { code: 0, lines: ['운영자가 없어요. / No moderators or admins.'] };
    return { code: 0, lines: staff.map((u) => `${u.role}\t${u.email ?? '-'}\t${u.nickname}\t${u.id}`) };
  }
  if (command === 'grant' || command === 'revoke') {
    if (!email || (command === 'grant' ? args.length !== 3 : args.length !== 2)) {
      return usage(`${command}: 인자가 맞지 않아요. / wrong arguments.`);
    }
    const wanted: UserRole = command === 'revoke' ? 'user' : (role as UserRole);
    if (command === 'grant' && !GRANTABLE.includes(wanted as (typeof GRANTABLE)[number])) {
      return usage(`역할은 moderator 또는 admin이에요. / The role is moderator or admin (got "${role}").`);
    }
    const result = await moderation.setRoleByEmail(email, wanted);
    if (!result) {
      return { code: 1, lines: [`${email}: 그런 계정이 없어요. / No account with this address.`] };
    }
    if (!result.changed) {
      return { code: 0, lines: [`${email}: 이미 ${wanted}예요. / Already ${wanted}; nothing changed.`] };
    }
    return {
      code: 0,
      lines: [
        command === 'grant'
          ? `${email}: ${wanted} 역할을 줬어요. / Granted ${wanted}.`
          : `${email}: 역할을 거뒀어요 (user). / Role revoked (now user).`,
        '감사 로그에 기록했어요. / Written to the audit log.',
      ],
    };
  }
  return usage(
    command ? `알 수 없는 명령: ${command} / Unknown command` : '명령을 주세요. / Give a command.',
  );
}

/** What the command says when a server holds the embedded database's folder. */
export function embeddedLockedMessage(error: DataDirLockedError): string {
  const { pid, command } = error.owner;
  return [
    `내장 데이터베이스(DATA_DIR ${error.dataDir})를 다른 프로세스(${command}, pid ${pid})가 쓰고 있어요.`,
    '서버를 먼저 멈춘 뒤 이 명령을 다시 실행하세요. PostgreSQL(DATABASE_URL)에서는 서버가 켜져 있어도 돼요.',
    `The embedded database (DATA_DIR ${error.dataDir}) is held by ${command} process ${pid}.`,
    'Stop the server first, then run this command again. On PostgreSQL (DATABASE_URL) it works while servers run.',
  ].join('\n');
}

/**
 * On the embedded database, takes DATA_DIR's lock for the command's lifetime; a refusal (a server runs) is
 * returned as the message to print. PostgreSQL needs no lock: servers and this command share it.
 */
export function lockForAdmin(
  databaseUrl: string | undefined,
  dataDir: string,
): { lock: DataDirLock | undefined; refused?: string } {
  if (databaseUrl) return { lock: undefined };
  try {
    return { lock: lockDataDir(dataDir, 'admin') };
  } catch (error) {
    if (error instanceof DataDirLockedError)
      return { lock: undefined, refused: embeddedLockedMessage(error) };
    throw error;
  }
}
