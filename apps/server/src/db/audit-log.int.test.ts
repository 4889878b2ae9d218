import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { newUser } from '../test/factories.ts';

/** DOMAIN.md: every moderation action is written to an audit log nobody edits (migration 0019's trigger). */
describe('the moderation audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function logAction(actorId: string, subjectId: string): Promise<string> {
    const { rows } = await t.database.executeSql(
      `insert into moderation_actions (actor_id, action, target_type, target_id, subject_id, reason, days, created_at)
       values ('${actorId}', 'suspend', 'user', '${subjectId}', '${subjectId}', '욕설', 7, now()) returning id`,
    );
    return (rows[0] as { id: string }).id;
  }

  it('refuses to change or delete an entry', async () => {
    const moderator = (await newUser(t.app)).user;
    const author = (await newUser(t.app)).user;
    const id = await logAction(moderator.id, author.id);
    await expect(
      t.database.executeSql(`update moderation_actions set reason = '없던 일' where id = '${id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.database.executeSql(`update moderation_actions set days = 1 where id = '${id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.database.executeSql(`delete from moderation_actions where id = '${id}'`)).rejects.toThrow(
      /append-only/,
    );
    const { rows } = await t.database.executeSql(
      `select reason, days from moderation_actions where id = '${id}'`,
    );
    expect(rows).toEqual([{ reason: '욕설', days: 7 }]);
  });

  it('keeps the entry when the account it names is deleted (its reference only is cleared)', async () => {
    const moderator = (await newUser(t.app)).user;
    const author = (await newUser(t.app)).user;
    const id = await logAction(moderator.id, author.id);
    await t.database.executeSql(`delete from users where id = '${author.id}'`);
    const { rows } = await t.database.executeSql(
      `select action, subject_id, target_id, actor_id from moderation_actions where id = '${id}'`,
    );
    expect(rows).toEqual([
      { action: 'suspend', subject_id: null, target_id: author.id, actor_id: moderator.id },
    ]);
  });
});
