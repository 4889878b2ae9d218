import type { Comment, Course, Me, Run } from '@erun/contracts';

export function meFixture(overrides: Partial<Me> = {}): Me {
  return {
    id: '7f1c0a52-3b8e-4c41-9a0e-0d6c2b5e9f10',
    email: 'runner@example.com',
    emailVerified: true,
    nickname: '달리는곰',
    bio: '',
    runningLevel: null,
    avatar: null,
    goodRunnerScore: 50,
    preferredRegions: [],
    preferredDistance: null,
    preferredTimesOfDay: [],
    onboarded: false,
    hasPassword: true,
    providers: [],
    phone: null,
    phoneVerified: false,
    smsConsent: false,
    consentsRequired: [],
    gender: null,
    role: 'user',
    restriction: null,
    createdAt: '2025-03-02T09:00:00.000+09:00',
    ...overrides,
  };
}

export const onboardedMe = (overrides: Partial<Me> = {}): Me =>
  meFixture({ runningLevel: '5to10', preferredRegions: ['seoul'], onboarded: true, ...overrides });

export const HOST_ID = '3c9d2e61-5b7a-4c1f-8e2d-9a0b1c2d3e4f';
export const RUN_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export function runFixture(overrides: Partial<Run> = {}): Run {
  return {
    id: RUN_ID,
    title: '토요일 아침 한강 10K',
    description: '여의도에서 반포까지.\n천천히 달려요.',
    startsAt: '2026-12-05T07:00:00+09:00',
    endsAt: '2026-12-05T08:30:00+09:00',
    meetAt: '2026-12-05T06:45:00+09:00',
    joinDeadline: '2026-12-05T06:00:00+09:00',
    meetingPlace: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
    capacity: 10,
    theme: 'riverside',
    region: 'seoul',
    timeOfDay: 'dawn',
    distanceBucket: '10to15',
    paceSecPerKm: 330,
    parking: null,
    baggage: '크루장 차량 보관',
    distanceKm: 10.23,
    participantCount: 7,
    waitlistCount: 0,
    commentCount: 0,
    host: {
      id: HOST_ID,
      nickname: '한강크루장',
      bio: '',
      runningLevel: 'gte15',
      avatar: null,
      goodRunnerScore: 62,
      runsHosted: 12,
    },
    photos: [],
    myStatus: null,
    waitlistPosition: null,
    bookmarked: false,
    removedByHost: false,
    joinState: 'open',
    createdAt: '2026-11-20T10:00:00+09:00',
    crew: null,
    visibility: 'public',
    guestSeats: null,
    guestCount: 0,
    minAttendanceRate: null,
    coHosts: [],
    canManage: false,
    seriesId: null,
    occurrenceDate: null,
    cancelReason: null,
    womenOnly: false,
    going: [],
    groupPaces: [],
    segmentStarts: [],
    route: [
      [37.5271, 126.9326],
      [37.5201, 126.9402],
      [37.5112, 126.9958],
    ],
    participants: [{ id: HOST_ID, nickname: '한강크루장', avatar: null, runningLevel: 'gte15' }],
    paceGroups: [],
    myPaceGroupId: null,
    ...overrides,
  };
}

export const COURSE_ID = '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a';
export const AUTHOR_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

export function courseFixture(overrides: Partial<Course> = {}): Course {
  return {
    id: COURSE_ID,
    title: '반포 달빛 한강 코스',
    description: '반포에서 여의도까지.',
    region: 'seoul',
    theme: 'riverside',
    startPoint: { name: '반포한강공원 달빛광장', lat: 37.5105, lng: 126.996 },
    paceSecPerKm: 360,
    parking: '반포 1주차장',
    baggage: null,
    toilets: '출발점',
    water: null,
    distanceKm: 12,
    estimatedMinutes: 72,
    rating: { average: 4.25, count: 4 },
    views: 31,
    bookmarkCount: 5,
    commentCount: 2,
    author: {
      id: AUTHOR_ID,
      nickname: '코스장인',
      bio: '',
      runningLevel: 'gte15',
      avatar: null,
      goodRunnerScore: 71,
    },
    photos: [
      {
        id: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
        urls: { small: '/uploads/a-400.webp', medium: '/uploads/a-800.webp', large: '/uploads/a-1600.webp' },
      },
    ],
    bookmarked: false,
    myRating: null,
    createdAt: '2026-11-20T10:00:00+09:00',
    segmentStarts: [],
    route: [
      [37.5105, 126.996],
      [37.515, 126.97],
      [37.527, 126.933],
    ],
    histogram: [0, 0, 1, 1, 2],
    ...overrides,
  };
}

let commentSeq = 0;
export function commentFixture(overrides: Partial<Comment> = {}): Comment {
  commentSeq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(commentSeq).padStart(12, '0')}`,
    content: '좋은 코스예요',
    deleted: false,
    hidden: false,
    author: { id: HOST_ID, nickname: '한강크루장', avatar: null, runningLevel: 'gte15' },
    parentId: null,
    replyCount: 0,
    edited: false,
    createdAt: '2026-11-20T10:00:00+09:00',
    folded: false,
    ...overrides,
  };
}
