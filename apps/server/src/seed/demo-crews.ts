import type { CreateCrewParsed } from '@erun/contracts';
import type { Services } from '../app.ts';

/** The demo accounts (demo.ts DEMO_USERS), in their order. */
const DEMO_ACCOUNTS = ['demo@erun.run', 'crew@erun.run'];

interface DemoCrew {
  /** Index into the demo hosts: the owner. */
  owner: number;
  /** Hosts (by index) made staff, and members: hosts by index or the demo accounts by email. */
  staff: number[];
  members: (number | string)[];
  crew: Omit<CreateCrewParsed, 'logoId' | 'coverId'>;
}

/** Four crews in the demo's regions, run by the demo hosts, with the demo accounts among their members. */
const DEMO_CREWS: DemoCrew[] = [
  {
    owner: 1,
    staff: [0],
    members: ['demo@erun.run', 5],
    crew: {
      name: '반포 달빛러너스',
      description:
        '매주 화·목 저녁 반포한강공원 달빛광장에서 모여 5~7km를 함께 달려요. 처음 오셔도 페이스 맞춰 드려요. 러닝 후 가볍게 스트레칭하고 헤어져요.',
      regions: ['seoul'],
      homeSpot: { name: '반포한강공원 달빛광장', lat: 37.5104, lng: 126.9961 },
      days: ['TU', 'TH'],
      time: '19:30',
      paceRange: { min: 330, max: 420 },
      level: '초보 환영',
      beginnerFriendly: true,
      joinPolicy: 'open',
      questions: [],
      autoMemberAfter: null,
      womenOnly: false,
    },
  },
  {
    owner: 0,
    staff: [1],
    members: ['demo@erun.run'],
    crew: {
      name: '여의도 새벽질주',
      description:
        '출근 전 새벽 6시, 여의도 한강공원 10km. 서브4를 목표로 인터벌과 지속주를 번갈아 해요. 게스트로 3번 참석하면 정회원이 돼요.',
      regions: ['seoul', 'gyeonggi'],
      homeSpot: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
      days: ['MO', 'WE', 'FR'],
      time: '06:00',
      paceRange: { min: 270, max: 330 },
      level: '서브4 목표',
      beginnerFriendly: false,
      joinPolicy: 'approval',
      questions: ['최근 10km 기록을 알려 주세요.', '주로 어느 요일에 참석할 수 있나요?'],
      autoMemberAfter: 3,
      womenOnly: false,
    },
  },
  {
    owner: 2,
    staff: [],
    members: ['crew@erun.run', 3],
    crew: {
      name: '광안리 바다런',
      description: '토요일 아침 광안리 해변을 따라 달리고 민락수변공원에서 커피 한잔해요. 누구나 환영!',
      regions: ['busan'],
      homeSpot: { name: '광안리해수욕장 중앙', lat: 35.1532, lng: 129.1187 },
      days: ['SA'],
      time: '07:00',
      paceRange: { min: 360, max: 480 },
      level: '누구나',
      beginnerFriendly: true,
      joinPolicy: 'open',
      questions: [],
      autoMemberAfter: null,
      womenOnly: false,
    },
  },
  {
    owner: 3,
    staff: [4],
    members: [],
    crew: {
      name: '수성못 한바퀴',
      description: '수요일 밤 수성못 둘레길을 천천히 세 바퀴. 초대 링크로만 함께해요.',
      regions: ['daegu'],
      homeSpot: { name: '수성못 상화동산', lat: 35.8279, lng: 128.6173 },
      days: ['WE'],
      time: '20:30',
      paceRange: { min: 390, max: 480 },
      level: '천천히 꾸준히',
      beginnerFriendly: true,
      joinPolicy: 'invite',
      questions: [],
      autoMemberAfter: null,
      womenOnly: false,
    },
  },
];

/** A demo crew as made: its id, name and owner (the 정기런 of demo-series.ts are theirs). */
export interface MadeCrew {
  id: string;
  name: string;
  ownerId: string;
}

/**
 * The demo's crews, made through the crews service like any user's; members are put in directly (no join
 * requests to decide). `accounts` are the demo accounts' ids in DEMO_ACCOUNTS order.
 */
export async function demoCrews(
  services: Services,
  hostIds: string[],
  accounts: { id: string | null }[],
): Promise<MadeCrew[]> {
  const idOf = (who: number | string) =>
    typeof who === 'number' ? hostIds[who] : accounts[DEMO_ACCOUNTS.indexOf(who)]?.id;
  const made: MadeCrew[] = [];
  for (const demo of DEMO_CREWS) {
    const ownerId = hostIds[demo.owner];
    if (!ownerId) continue;
    const crew = await services.crews.create(ownerId, { ...demo.crew, logoId: null, coverId: null });
    const members = [
      ...demo.staff.map((who) => ({ userId: idOf(who), role: 'staff' as const })),
      ...demo.members.map((who) => ({ userId: idOf(who), role: 'member' as const })),
    ].filter((m): m is { userId: string; role: 'staff' | 'member' } => !!m.userId && m.userId !== ownerId);
    await services.crews.addMembersDirectly(crew.id, members);
    made.push({ id: crew.id, name: crew.name, ownerId });
  }
  return made;
}
