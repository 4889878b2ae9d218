import {
  type Comment,
  CommentPageSchema,
  type Course,
  CoursePageSchema,
  CourseSchema,
  type Crew,
  CrewPageSchema,
  CrewSchema,
  type Run,
  RunPageSchema,
  RunSchema,
} from '@erun/contracts';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { fastSerializer } from './fast-serializer.ts';

const image = (id: string) => ({
  id,
  urls: {
    small: `/uploads/${id}/320.webp`,
    medium: `/uploads/${id}/960.webp`,
    large: `/uploads/${id}/1600.webp`,
  },
});

const run: Run = {
  id: '5b0c1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f60',
  title: '여의도 한강 "야간" 러닝 \\ 10km',
  description: '줄바꿈\n탭\t이모지 🏃 그리고 </script>',
  startsAt: '2026-12-01T11:00:00.000Z',
  endsAt: '2026-12-01T12:30:00.000Z',
  meetAt: null,
  segmentStarts: [],
  joinDeadline: '2026-12-01T10:00:00.000Z',
  meetingPlace: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
  capacity: 10,
  theme: 'riverside',
  region: 'seoul',
  timeOfDay: 'night',
  distanceBucket: '5to10',
  paceSecPerKm: null,
  parking: '공영주차장',
  baggage: null,
  distanceKm: 7.35,
  participantCount: 3,
  waitlistCount: 0,
  commentCount: 0,
  host: {
    id: '0f1e2d3c-4b5a-4968-8776-655443322110',
    nickname: '크루장',
    bio: '',
    runningLevel: null,
    avatar: image('1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d'),
    goodRunnerScore: 51,
    runsHosted: 4,
  },
  photos: [image('7c6b5a4d-3e2f-4a1b-8c0d-9e8f7a6b5c4d')],
  myStatus: 'waitlisted',
  waitlistPosition: 2,
  bookmarked: true,
  removedByHost: false,
  joinState: 'open',
  createdAt: '2026-11-20T01:02:03.004Z',
  crew: { id: '2d3c4b5a-6f7e-4a8b-9c0d-1e2f3a4b5c6d', name: '반포 "새벽" 크루', logo: null },
  visibility: 'crew',
  guestSeats: null,
  guestCount: 0,
  minAttendanceRate: null,
  coHosts: [
    { id: '3e4d5c6b-7a8f-4b9c-8d1e-2f3a4b5c6d7e', nickname: '부크루장', avatar: null, runningLevel: null },
  ],
  canManage: true,
  seriesId: null,
  occurrenceDate: '2026-12-01',
  cancelReason: null,
  womenOnly: true,
  going: [
    { id: '4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f', nickname: '러너 "1"', avatar: null, runningLevel: 'lt5' },
  ],
  route: [
    [37.5283, 126.9326],
    [37.5262, 126.9382],
  ],
  participants: [
    {
      id: '0f1e2d3c-4b5a-4968-8776-655443322110',
      nickname: '크루장',
      avatar: null,
      runningLevel: 'lt5',
      paceGroupId: null,
    },
  ],
  paceGroups: [],
  groupPaces: [],
  myPaceGroupId: null,
};

const zodJson = (schema: typeof RunSchema | typeof RunPageSchema, data: unknown) =>
  serializerCompiler({ schema, method: 'GET', url: '/' })(data);

describe('fastSerializer', () => {
  it('writes a run exactly as the zod serializer does', () => {
    expect(fastSerializer(RunSchema)(run)).toBe(zodJson(RunSchema, run));
  });

  it('writes a page with nulls and values in every nullable field, and drops undeclared fields', () => {
    const { route: _route, participants: _participants, ...summary } = run;
    const other = {
      ...summary,
      meetAt: run.startsAt,
      paceSecPerKm: 330,
      myStatus: null,
      waitlistPosition: null,
    };
    const leaky = { ...other, searchText: 'secret', host: { ...other.host, email: 'x@y.z', avatar: null } };
    const page = { items: [summary, leaky], nextCursor: 'abc' };
    const fast = fastSerializer(RunPageSchema)(page);
    expect(fast).toBe(zodJson(RunPageSchema, page));
    expect(fast).not.toContain('secret');
    expect(fast).not.toContain('x@y.z');
    expect(JSON.parse(fast)).toEqual(RunPageSchema.parse(JSON.parse(fast)));
  });
});

describe('fastSerializer on the course and comment contracts', () => {
  const course: Course = {
    id: '6c0d1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f61',
    title: '남산 "순환" 코스 </script>',
    description: '줄바꿈\n이모지 🏃',
    region: 'seoul',
    theme: 'mountain',
    startPoint: { name: '국립극장 앞', lat: 37.5525, lng: 127.0005 },
    paceSecPerKm: 360,
    parking: null,
    baggage: '보관함',
    toilets: null,
    water: null,
    segmentStarts: [],
    distanceKm: 6.42,
    estimatedMinutes: 39,
    rating: { average: 4.25, count: 4 },
    views: 12,
    bookmarkCount: 3,
    commentCount: 2,
    author: { ...run.host, avatar: null },
    photos: [image('7c6b5a4d-3e2f-4a1b-8c0d-9e8f7a6b5c4d')],
    bookmarked: false,
    myRating: null,
    createdAt: '2026-11-20T01:02:03.004Z',
    route: run.route,
    histogram: [0, 0, 1, 1, 2],
  };

  it('writes a course page and a feed page as zod does, nullable fields null and set', () => {
    const other = { ...course, startPoint: null, paceSecPerKm: null, parking: '유료', myRating: 5 };
    expect(fastSerializer(CourseSchema)(course)).toBe(zodOf(CourseSchema, course));
    const { route: _r, histogram: _h, ...summary } = other;
    const page = { items: [summary, { ...summary, secret: 'x' }], nextCursor: null };
    expect(fastSerializer(CoursePageSchema)(page)).toBe(zodOf(CoursePageSchema, page));
  });

  it('writes a comment page as zod does, with a deleted placeholder', () => {
    const comment: Comment = {
      id: '8d0d1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f62',
      content: '짐 "보관" 되나요?\n',
      deleted: false,
      hidden: false,
      author: { id: run.host.id, nickname: '질문러', avatar: null, runningLevel: 'lt5' },
      parentId: null,
      replyCount: 1,
      edited: true,
      createdAt: '2026-11-21T01:02:03.004Z',
      folded: false,
    };
    const page = {
      items: [comment, { ...comment, content: '', deleted: true, author: null, parentId: comment.id }],
      nextCursor: 'abc',
    };
    expect(fastSerializer(CommentPageSchema)(page)).toBe(zodOf(CommentPageSchema, page));
  });
});

describe('fastSerializer on the crew contracts', () => {
  const person = {
    id: '0f1e2d3c-4b5a-4968-8776-655443322110',
    nickname: '크루장 "달빛"',
    bio: '줄바꿈\n</script>',
    runningLevel: null,
    avatar: image('1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d'),
    goodRunnerScore: 51,
  };
  const crew: Crew = {
    id: '5b0c1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f61',
    name: '반포 달빛러너스',
    regions: ['seoul', 'gyeonggi'],
    homeSpot: { name: '반포 한강공원 \\ 달빛광장', lat: 37.5101, lng: 126.9959 },
    days: ['TU', 'TH'],
    time: '19:30',
    paceRange: { min: 330, max: 390 },
    level: '초보 환영',
    beginnerFriendly: true,
    joinPolicy: 'approval',
    logo: image('7c6b5a4d-3e2f-4a1b-8c0d-9e8f7a6b5c4d'),
    memberCount: 41,
    runsLast30Days: 9,
    viewer: { status: null, role: null },
    womenOnly: true,
    description: '매주 화·목 19:30 🏃',
    cover: null,
    questions: ['러닝 경력을 알려 주세요.'],
    autoMemberAfter: 3,
    owner: person,
    staff: [{ ...person, id: '0f1e2d3c-4b5a-4968-8776-655443322111', avatar: null, runningLevel: 'starter' }],
    stats: { runsThisMonth: 4, kmThisMonth: 123.4 },
    createdAt: '2026-11-01T10:00:00.000Z',
  };

  it('writes a crew page as zod does, nullable fields null and set', () => {
    expect(fastSerializer(CrewSchema)(crew)).toBe(zodOf(CrewSchema, crew));
    const bare = { ...crew, time: null, paceRange: null, logo: null, autoMemberAfter: null, staff: [] };
    const member = { ...bare, viewer: { status: 'member', role: 'staff' }, cover: image(crew.id) };
    expect(fastSerializer(CrewSchema)(member)).toBe(zodOf(CrewSchema, member));
  });

  it('writes a crew list as zod does and drops undeclared fields', () => {
    const { description: _d, cover: _c, questions: _q, owner: _o, staff: _s, stats: _t, ...summary } = crew;
    const leaky = { ...summary, searchText: 'secret', inviteTokenHash: 'x', paceRange: null, logo: null };
    const page = { items: [summary, leaky], nextCursor: 'abc' };
    const fast = fastSerializer(CrewPageSchema)(page);
    expect(fast).toBe(zodOf(CrewPageSchema, page));
    expect(fast).not.toContain('secret');
  });
});

const zodOf = (schema: unknown, data: unknown) =>
  serializerCompiler({ schema: schema as typeof RunSchema, method: 'GET', url: '/' })(data);
