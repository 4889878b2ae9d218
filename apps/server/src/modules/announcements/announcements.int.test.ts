import type { Announcement, AnnouncementPage, Comment, CommentPage, ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addMember, deleteCrew, removeMember, crewRows } from '../../test/crew-fixtures.ts';

let t: TestApp;
let owner: TestUser;
let staff: TestUser;
let member: TestUser;
let outsider: TestUser;
let crew: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  [owner, staff, member, outsider] = [
    await newUser(t.app, { nickname: '크루장' }),
    await newUser(t.app, { nickname: '운영진' }),
    await newUser(t.app, { nickname: '크루원' }),
    await newUser(t.app, { nickname: '지나가던' }),
  ];
  crew = await crewRows(t, owner, { staff: [staff], members: [member] });
});
afterAll(() => t.close());

type Who = { accessToken: string } | null;
const call = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who ? bearer(who) : {}, ...(payload ? { payload } : {}) });
const announce = (who: Who, body: object, crewId = crew.id) =>
  call(who, 'POST', `/api/crews/${crewId}/announcements`, body);
const listOf = async (who: Who, crewId = crew.id, query = '') =>
  (await call(who, 'GET', `/api/crews/${crewId}/announcements${query}`)).json<AnnouncementPage>();
const codeOf = (response: { json: <T>() => T }) => response.json<ErrorBody>().code;

async function notificationsOf(userId: string, category: string) {
  const result = await t.database.executeSql(
    'select category, link, data from notifications where user_id = $1 and category = $2 order by created_at',
    [userId, category],
  );
  return result.rows as { category: string; link: string; data: Record<string, unknown> }[];
}

describe('crew announcements (공지)', () => {
  it('staff write, every member but the author is notified, outsiders and plain members may not write', async () => {
    const made = await announce(staff, {
      title: '  이번 주 목요일 장소 변경  ',
      content: '반포 대신 잠실로 모여요.',
    });
    expect(made.statusCode, made.body).toBe(201);
    const a = made.json<Announcement>();
    expect(a).toMatchObject({
      crewId: crew.id,
      crewName: crew.name,
      title: '이번 주 목요일 장소 변경',
      pinned: false,
      commentCount: 0,
      canEdit: true,
    });
    expect(a.author.nickname).toBe('운영진');

    for (const who of [owner, member]) {
      expect(await notificationsOf(who.user.id, 'crew_announcement')).toContainEqual({
        category: 'crew_announcement',
        link: `/announcements/${a.id}`,
        data: expect.objectContaining({ title: crew.name, subject: '이번 주 목요일 장소 변경' }) as unknown,
      });
    }
    expect(await notificationsOf(staff.user.id, 'crew_announcement')).toEqual([]);
    expect(await notificationsOf(outsider.user.id, 'crew_announcement')).toEqual([]);

    const byMember = await announce(member, { title: '제가 써도 되나요', content: '안 돼요' });
    expect([byMember.statusCode, codeOf(byMember)]).toEqual([403, 'NOT_CREW_STAFF']);
    const byOutsider = await announce(outsider, { title: '광고', content: '광고예요' });
    expect([byOutsider.statusCode, codeOf(byOutsider)]).toEqual([403, 'NOT_CREW_STAFF']);
    expect((await announce(null, { title: '익명', content: '익명' })).statusCode).toBe(401);
  });

  it('refuses bad input with 400 and a missing or deleted crew with 404', async () => {
    for (const body of [
      { title: '', content: '내용' },
      { title: 'ㄱ'.repeat(61), content: '내용' },
      { title: '제목', content: '   ' },
      { title: '제목', content: 'ㄱ'.repeat(3001) },
      { title: '제목' },
    ]) {
      const response = await announce(owner, body);
      expect([response.statusCode, codeOf(response)], JSON.stringify(body)).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
    }
    const missing = await announce(
      owner,
      { title: '제목', content: '내용' },
      '00000000-0000-4000-8000-00000000abcd',
    );
    expect([missing.statusCode, codeOf(missing)]).toEqual([404, 'CREW_NOT_FOUND']);
    const gone = await crewRows(t, owner, { members: [member] });
    await deleteCrew(t, gone.id);
    const list = await call(member, 'GET', `/api/crews/${gone.id}/announcements`);
    expect([list.statusCode, codeOf(list)]).toEqual([404, 'CREW_NOT_FOUND']);
  });

  it('lists pinned first, then the newest, page by page, to members only', async () => {
    const own = await crewRows(t, owner, { members: [member] });
    const titles = ['첫 공지', '고정 공지', '세 번째', '네 번째'];
    const ids: string[] = [];
    for (const title of titles) {
      const made = await announce(owner, { title, content: '내용', pinned: title === '고정 공지' }, own.id);
      ids.push(made.json<Announcement>().id);
    }
    const first = await listOf(member, own.id, '?limit=3');
    expect(first.items.map((a) => a.title)).toEqual(['고정 공지', '네 번째', '세 번째']);
    expect(first.items.every((a) => !a.canEdit)).toBe(true);
    expect([first.canWrite, (await listOf(owner, own.id)).canWrite]).toEqual([false, true]);
    const second = await listOf(member, own.id, `?limit=3&cursor=${first.nextCursor}`);
    expect([second.items.map((a) => a.title), second.nextCursor]).toEqual([['첫 공지'], null]);

    // Unpinning and pinning move them; a pin is not an edit.
    const [firstId] = ids;
    const pinned = await call(owner, 'PATCH', `/api/announcements/${firstId}`, { pinned: true });
    expect(pinned.json<Announcement>()).toMatchObject({ pinned: true, title: '첫 공지' });
    expect(pinned.json<Announcement>().updatedAt).toBe(pinned.json<Announcement>().createdAt);
    expect((await listOf(member, own.id)).items.map((a) => a.title)).toEqual([
      '고정 공지',
      '첫 공지',
      '네 번째',
      '세 번째',
    ]);

    const refused = await call(outsider, 'GET', `/api/crews/${own.id}/announcements`);
    expect([refused.statusCode, codeOf(refused)]).toEqual([403, 'NOT_CREW_MEMBER']);
    const one = await call(outsider, 'GET', `/api/announcements/${firstId}`);
    expect([one.statusCode, codeOf(one)]).toEqual([403, 'NOT_CREW_MEMBER']);
    expect((await call(null, 'GET', `/api/crews/${own.id}/announcements`)).statusCode).toBe(401);
  });

  it('the author or any staff edit and delete; a plain member may not; deleted ones are gone', async () => {
    const a = (
      await announce(staff, { title: '우천 취소 안내', content: '비가 오면 취소해요.' })
    ).json<Announcement>();
    const url = `/api/announcements/${a.id}`;
    const byMember = await call(member, 'PATCH', url, { title: '바꿔볼까' });
    expect([byMember.statusCode, codeOf(byMember)]).toEqual([403, 'NOT_CREW_STAFF']);
    const byOwner = await call(owner, 'PATCH', url, { content: '비가 오면 실내 트랙에서 뛰어요.' });
    expect(byOwner.json<Announcement>()).toMatchObject({ title: '우천 취소 안내', canEdit: true });
    expect(byOwner.json<Announcement>().content).toBe('비가 오면 실내 트랙에서 뛰어요.');
    expect((await call(owner, 'PATCH', url, {})).statusCode).toBe(400);
    expect((await call(member, 'DELETE', url)).statusCode).toBe(403);
    expect((await call(staff, 'DELETE', url)).statusCode).toBe(204);
    const gone = await call(member, 'GET', url);
    expect([gone.statusCode, codeOf(gone)]).toEqual([404, 'ANNOUNCEMENT_NOT_FOUND']);
    expect((await call(owner, 'DELETE', url)).statusCode).toBe(404);
    expect((await listOf(member)).items.map((x) => x.id)).not.toContain(a.id);
  });
});

describe('comments on an announcement', () => {
  it('members comment and reply, the count follows, the author is told; outsiders and removed members may not', async () => {
    const runner = await newUser(t.app, { nickname: '새크루원' });
    await addMember(t, crew.id, runner);
    const a = (
      await announce(owner, { title: '가을 대회 신청', content: '다음 주까지 신청해요.' })
    ).json<Announcement>();
    const base = `/api/announcements/${a.id}/comments`;

    const comment = await call(runner, 'POST', base, { content: '저도 신청할게요!' });
    expect(comment.statusCode, comment.body).toBe(201);
    const c = comment.json<Comment>();
    const reply = await call(owner, 'POST', `/api/comments/${c.id}/replies`, { content: '환영해요' });
    expect(reply.statusCode).toBe(201);
    expect((await call(member, 'POST', base, { content: '저도요' })).statusCode).toBe(201);
    expect((await call(member, 'GET', `/api/announcements/${a.id}`)).json<Announcement>().commentCount).toBe(
      3,
    );
    const page = (await call(member, 'GET', base)).json<CommentPage>();
    expect(page.items.map((x) => x.content)).toEqual(['저도요', '저도 신청할게요!']);
    const replies = (await call(member, 'GET', `/api/comments/${c.id}/replies`)).json<CommentPage>();
    expect(replies.items.map((x) => x.content)).toEqual(['환영해요']);

    const told = await notificationsOf(owner.user.id, 'comment');
    expect(told.filter((n) => n.link === `/announcements/${a.id}`)).toHaveLength(2);
    expect(told.at(-1)?.data).toMatchObject({ title: '가을 대회 신청' });
    expect(await notificationsOf(runner.user.id, 'reply')).toEqual([
      expect.objectContaining({ link: `/announcements/${a.id}` }),
    ]);

    for (const [who, status] of [
      [outsider, 403],
      [null, 401],
    ] as const) {
      expect((await call(who, 'GET', base)).statusCode).toBe(status);
      expect((await call(who, 'POST', base, { content: '끼어들기' })).statusCode).toBe(status);
    }
    expect((await call(null, 'GET', `/api/comments/${c.id}/replies`)).statusCode).toBe(403);

    // Removed from the crew: no reading, commenting, replying, editing or deleting any more.
    await removeMember(t, crew.id, runner);
    const attempts = [
      await call(runner, 'GET', base),
      await call(runner, 'POST', base, { content: '아직 있나요?' }),
      await call(runner, 'POST', `/api/comments/${c.id}/replies`, { content: '답글' }),
      await call(runner, 'PATCH', `/api/comments/${c.id}`, { content: '수정' }),
      await call(runner, 'DELETE', `/api/comments/${c.id}`),
      await call(runner, 'GET', `/api/comments/${c.id}/replies`),
    ];
    expect(attempts.map((r) => [r.statusCode, codeOf(r)])).toEqual(
      Array.from({ length: 6 }, () => [403, 'NOT_CREW_MEMBER']),
    );

    // Staff moderate: a staff member deletes someone else's comment; the count follows.
    const plain = (await call(member, 'POST', base, { content: '지울 댓글' })).json<Comment>();
    expect((await call(staff, 'DELETE', `/api/comments/${plain.id}`)).statusCode).toBe(204);
    const other = (await call(member, 'POST', base, { content: '남의 댓글' })).json<Comment>();
    const notMine = await newUser(t.app);
    await addMember(t, crew.id, notMine);
    expect((await call(notMine, 'DELETE', `/api/comments/${other.id}`)).statusCode).toBe(403);
    expect((await call(member, 'GET', `/api/announcements/${a.id}`)).json<Announcement>().commentCount).toBe(
      4,
    );
  });
});
