import { readFileSync } from 'node:fs';
import type { NotificationPage, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewSearchText, runSearchText } from '../../lib/search-text.ts';
import { newCrew } from '../../test/crew-fixtures.ts';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The search quality set (issue 18, "Search that forgives"): 40 runs as Korean hosts post them and the
 * queries runners type, each with the runs it must find, exactly (every other run is a non-hit; the ones a
 * naive search would get wrong are named). Runs start three hours apart in the order of their labels.
 */

type Host = 'toki' | 'geobuk' | 'dalpaeng' | 'gull' | 'mangwon' | 'neurim' | 'tancheon' | 'sanak' | 'sunny';
const NICKNAMES: Record<Host, string> = {
  toki: '토끼발',
  geobuk: '거북이123',
  dalpaeng: '김달팽',
  gull: '부산갈매기',
  mangwon: '망원동주민',
  neurim: '느림보',
  tancheon: '탄천고양이',
  sanak: '산악인',
  sunny: 'Sunny Park',
};

// label, title, meeting place, description, km, host, in the crew "망원 새벽크루"
const RUNS: [string, string, string, string, number, Host, boolean?][] = [
  ['r01', '한강 러닝 모임', '여의나루역 2번 출구', '가볍게 한 바퀴 돌아요', 5, 'toki'],
  ['r02', '반포한강 달리기', '반포 한강공원 달빛광장', '분수 보며 천천히', 7, 'geobuk'],
  ['r03', '여의도 야간런', '여의도 한강공원 물빛광장', '퇴근 후 함께', 6, 'geobuk'],
  ['r04', '뚝섬 5km 조깅', '뚝섬유원지역 2번 출구', '천천히 대화하며', 5, 'dalpaeng'],
  ['r05', '남산 업힐 훈련', '남산 북측순환로 입구', '오르막 반복 러닝', 8, 'dalpaeng'],
  ['r06', '잠실 새벽 러닝', '잠실 한강공원 주차장', '출근 전 10km', 10, 'dalpaeng'],
  ['r07', '광안리 해변 달리기', '광안리 해수욕장', '부산 바다 보며', 6, 'gull'],
  ['r08', '해운대 모닝 조깅', '해운대 해수욕장 이벤트광장', '아침 바다', 5, 'gull'],
  ['r09', '서울숲 초보 러닝', '서울숲 공원 정문', '입문자 환영해요', 4, 'toki'],
  ['r10', '올림픽공원 10K', '올림픽공원 평화의 광장', '페이스 6분', 10, 'mangwon'],
  ['r11', '망원 한강 러닝', '망원 한강공원', '망원시장 앞 집결', 7, 'mangwon', true],
  ['r12', '양재천 산책 러닝', '양재천 영동1교', '가볍게', 5, 'mangwon'],
  ['r13', '석촌호수 인터벌', '석촌호수 동호', '인터벌 달리기 4세트', 3, 'neurim'],
  ['r14', '반포대교 분수 야간 러닝', '반포 한강공원', '무지개분수 보며', 6, 'neurim'],
  ['r15', '탄천 LSD', '탄천 종합운동장', '장거리 천천히', 15, 'tancheon'],
  ['r16', '청계천 저녁 조깅', '청계광장', '퇴근길 가볍게', 5, 'tancheon'],
  ['r17', '북한산 트레일런', '북한산 우이동 입구', '산길', 12, 'sanak'],
  ['r18', '경포호 일주', '경포호 주차장', '강릉 호수 한 바퀴 러닝', 5, 'sanak'],
  ['r19', '수성못 나이트 러닝', '수성못 상화동산', '대구 야경', 5, 'gull'],
  ['r20', '송도 센트럴파크 5키로', '송도 센트럴파크 정문', '인천 바닷바람', 5, 'dalpaeng'],
  ['r21', 'Hangang Morning Run', '여의도 한강공원', 'English friendly', 5, 'sunny'],
  ['r22', '이촌 한강 걷기', '이촌 한강공원', '걷기 위주 모임', 4, 'geobuk'],
  ['r23', '보라매 왕초보반', '보라매공원 정문', '처음 달리는 분 환영', 3, 'toki'],
  ['r24', '인천대공원 러닝', '인천대공원 정문', '숲길', 6, 'sunny'],
  ['r25', '한강 정기런', '성산대교 남단', '매주 토요일', 8, 'toki'],
  ['r26', '하프 마라톤 대비', '여의도공원', '21km 장거리', 21, 'sanak'],
  ['r27', '안양천 15km', '안양천 오목교', '장거리 연습', 15, 'tancheon'],
  ['r28', '중랑천 즐런', '중랑천 군자교', 'ㅋㅋ 웃으면서', 5, 'neurim'],
  ['r29', '여의도 아침 러닝', '여의도 한강공원', '출근 전', 5, 'geobuk'],
  ['r30', '반포 야간 자전거', '반포 한강공원', '라이딩 모임', 20, 'toki'],
  ['r31', '한강 야경 걷기', '뚝섬 한강공원', '걷기만 해요', 3, 'neurim'],
  ['r32', '15km 뚝섬 왕복', '뚝섬 한강공원', '장거리', 15, 'tancheon'],
  ['r33', '온천천 러닝', '온천천 시민공원', '부산 동래', 5, 'gull'],
  ['r34', '갑천 조깅', '갑천 엑스포다리', '대전', 6, 'sanak'],
  ['r35', '남산 둘레길 걷기', '남산 국립극장', '산책', 4, 'sanak'],
  ['r36', '새벽 10km 정기런', '망원 한강공원', '크루 정기 모임', 10, 'mangwon', true],
  ['r37', '용두암 해안 러닝', '용두암 주차장', '제주 바다', 6, 'sunny'],
  // Typed on a keyboard that sends decomposed 한글 (NFD).
  ['r38', '세빛섬 러닝'.normalize('NFD'), '세빛섬 앞', '반포 쪽', 5, 'toki'],
  ['r39', '도심 언덕 훈련', '남산 팔각정', '남산 조깅 코스', 6, 'dalpaeng'],
  ['r40', '달빛 야간 러닝', '보라매공원', '달리기 좋아하는 분', 5, 'mangwon'],
];

const HAN_RIVER_RUNS = ['r01', 'r02', 'r03', 'r06', 'r11', 'r14', 'r21', 'r25', 'r29', 'r36'];

/** query → the runs it finds (any order), and (documentation) runs it must not find though they look close. */
const QUALITY_SET: [string, string[], string[]][] = [
  ['한강 러닝', HAN_RIVER_RUNS, ['r22', 'r30', 'r31', 'r32']],
  ['한강러닝', HAN_RIVER_RUNS, ['r22', 'r31']],
  ['hangang run', HAN_RIVER_RUNS, ['r22', 'r31']],
  ['반포 달리기', ['r02', 'r14', 'r38'], ['r30']],
  ['달리기 반포', ['r02', 'r14', 'r38'], ['r30']],
  ['여의도 야간런', ['r03'], ['r21', 'r26', 'r29']],
  ['야간 러닝', ['r03', 'r14', 'r19', 'r40'], ['r30']],
  ['나이트런', ['r03', 'r14', 'r19', 'r40'], ['r30']],
  ['ㅂㅍ', ['r02', 'r14', 'r30'], ['r38']],
  [
    'ㅎㄱ',
    ['r02', 'r03', 'r06', 'r11', 'r14', 'r21', 'r22', 'r29', 'r30', 'r31', 'r32', 'r36'],
    ['r01', 'r25'],
  ],
  ['남산 조깅', ['r05', 'r39'], ['r35']],
  ['뚝섬 5km', ['r04'], ['r31', 'r32']],
  ['10k', ['r06', 'r10', 'r36'], []],
  ['15km', ['r15', 'r27', 'r32'], []],
  ['5키로 송도', ['r20'], []],
  ['올림픽공원 10K', ['r10'], []],
  ['탄천고양이', ['r15', 'r16', 'r27', 'r32'], []],
  ['부산', ['r07', 'r08', 'r19', 'r33'], []],
  ['Sunny Park', ['r21', 'r24', 'r37'], []],
  ['sunnypark', ['r21', 'r24', 'r37'], []],
  ['망원 새벽크루', ['r11', 'r36'], ['r06', 'r10', 'r12', 'r40']],
  ['새벽크루', ['r11', 'r36'], ['r06']],
  ['초보 러닝', ['r09'], ['r23']],
  ['왕초보', ['r23'], ['r09']],
  ['모닝 조깅', ['r08', 'r21', 'r29'], ['r06']],
  ['Hangang  Morning', ['r21', 'r29'], ['r08']],
  ['세빛섬', ['r38'], []],
  ['세빛섬 러닝'.normalize('NFD'), ['r38'], []],
  ['트레일 런', ['r17'], []],
  ['중랑천 즐런', ['r28'], []],
  ['경포호 러닝', ['r18'], []],
  ['gwangalli running', ['r07'], []],
  ['인천', ['r20', 'r24'], []],
];

let t: TestApp;
const hosts = {} as Record<Host, TestUser>;
const labelOf = new Map<string, string>();
/** query → a runner who saved it as a search before the runs were posted. */
const watchers = new Map<string, TestUser>();

async function search(query: string, params = 'limit=50'): Promise<RunPage> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/runs?q=${encodeURIComponent(query)}&${params}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<RunPage>();
}
const labels = (page: RunPage) => page.items.map((r) => labelOf.get(r.id) ?? r.title);

beforeAll(async () => {
  t = await createTestApp();
  for (const [host, nickname] of Object.entries(NICKNAMES))
    hosts[host as Host] = await newUser(t.app, { nickname });
  const crew = await newCrew(t.app, hosts.mangwon, { name: '망원 새벽크루' });
  for (const [query] of QUALITY_SET) {
    const watcher = await newUser(t.app);
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      headers: bearer(watcher),
      payload: { filters: { q: query } },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    watchers.set(query, watcher);
  }
  const first = Date.now() + 24 * 3_600_000;
  for (const [i, [label, title, place, description, km, host, inCrew]] of RUNS.entries()) {
    const startsAt = new Date(first + i * 3 * 3_600_000);
    startsAt.setUTCSeconds(0, 0);
    const run = await newRun(t.app, hosts[host], {
      title,
      description,
      meetingPlace: { name: place, lat: 37.5, lng: 127.0 },
      route: [
        [37.5, 127.0],
        [37.5 + km / 111.195, 127.0],
      ],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      ...(inCrew ? { crewId: crew.id } : {}),
    });
    labelOf.set(run.id, label);
  }
}, 120_000);
afterAll(() => t.close());

describe('the search quality set (issue 18)', () => {
  it.each(QUALITY_SET)('"%s" finds exactly its runs', async (query, hits, nearMisses) => {
    const found = labels(await search(query));
    expect([...found].sort()).toEqual([...hits].sort());
    for (const miss of nearMisses) expect(found).not.toContain(miss);
  });
});

describe('a saved search of the same keyword (issue 18)', () => {
  it.each(QUALITY_SET)('"%s" is told of exactly the runs the list finds', async (query) => {
    const watcher = watchers.get(query);
    if (!watcher) throw new Error(`no watcher for ${query}`);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/notifications?limit=50',
      headers: bearer(watcher),
    });
    const told = response
      .json<NotificationPage>()
      .items.filter((n) => n.category === 'saved_search_match')
      .map((n) => labelOf.get(n.link.replace('/runs/', '')) ?? n.link);
    expect([...told].sort()).toEqual([...labels(await search(query))].sort());
  });
});

describe('relevance order', () => {
  it('title matches come first, then the place; the same score goes by start time', async () => {
    // 20: both words and the phrase in the title; 16: both words in the title; 12: 한강 only in the place.
    expect(labels(await search('한강 러닝'))).toEqual([
      'r01',
      'r02',
      'r11',
      'r21',
      'r25',
      'r03',
      'r06',
      'r14',
      'r29',
      'r36',
    ]);
    // A later run with the place in its title ranks above an earlier one naming it in the meeting point.
    expect(labels(await search('남산 조깅'))).toEqual(['r05', 'r39']);
  });

  it('pages of a ranked search follow one another with no run twice or left out', async () => {
    const all = labels(await search('한강 러닝'));
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: RunPage = await search('한강 러닝', `limit=3${after}`);
      walked.push(...labels(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it('an explicit order is kept with a keyword: newest first', async () => {
    const newest = labels(await search('한강 러닝', 'limit=50&sort=newest'));
    expect([...newest].sort()).toEqual([...HAN_RIVER_RUNS].sort());
    expect(newest[0]).toBe('r36');
  });

  it('a ranked cursor that was not written by the server is a 400', async () => {
    const forged = Buffer.from(JSON.stringify([['x', 'y'], '00000000-0000-0000-0000-000000000000'])).toString(
      'base64url',
    );
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/runs?q=${encodeURIComponent('한강')}&cursor=${forged}`,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('fields read live', () => {
  it("a host's new nickname is found at once", async () => {
    const before = labels(await search('트레일왕'));
    expect(before).toEqual([]);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(hosts.sanak),
      payload: { nickname: '트레일왕' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect([...labels(await search('트레일왕'))].sort()).toEqual(['r17', 'r18', 'r26', 'r34', 'r35']);
  });

  it('an edited run is searched by its new text', async () => {
    const id = [...labelOf].find(([, label]) => label === 'r34')?.[0];
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${id}`,
      headers: bearer(hosts.sanak),
      payload: { title: '갑천 둔치 야간 달리기' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(labels(await search('갑천 나이트런'))).toEqual(['r34']);
  });
});

describe('migration 0023', () => {
  it('rewrites stored search text the way the server writes it', async () => {
    const file = new URL('../../../drizzle/0023_run_search_keys.sql', import.meta.url);
    const statements = readFileSync(file, 'utf8').split('--> statement-breakpoint');
    type RunText = { title: string; description: string; place_name: string; search_text: string };
    type CrewText = {
      name: string;
      home_spot_name: string;
      level: string;
      description: string;
      search_text: string;
    };
    await t.database.executeSql(`update runs set search_text = ''`);
    await t.database.executeSql(`update crews set search_text = ''`);
    for (const statement of statements) await t.database.executeSql(statement);
    const runs = (await t.database.executeSql('select title, description, place_name, search_text from runs'))
      .rows as RunText[];
    expect(runs).toHaveLength(RUNS.length);
    for (const run of runs) {
      expect(run.search_text).toBe(runSearchText({ ...run, placeName: run.place_name }));
    }
    const crews = (
      await t.database.executeSql('select name, home_spot_name, level, description, search_text from crews')
    ).rows as CrewText[];
    for (const crew of crews) {
      expect(crew.search_text).toBe(crewSearchText({ ...crew, homeSpot: crew.home_spot_name }));
    }
  });
});
