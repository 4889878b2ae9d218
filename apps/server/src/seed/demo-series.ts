import { CreateSeriesSchema, type CreateSeries, type Region, type Theme } from '@erun/contracts';
import type { Services } from '../services.ts';
import { seoulToday } from '../modules/series/schedule.ts';
import { ANCHORS } from './anchors.ts';
import type { MadeCrew } from './demo-crews.ts';

interface DemoSeries {
  /** The crew (demo-crews.ts, by name) whose owner makes the series. */
  crew: string;
  /** The anchor (anchors.ts, by name) whose path is the route. */
  anchor: string;
  title: string;
  description: string;
  place: { name: string; lat: number; lng: number };
  theme: Theme;
  region: Region;
  capacity: number;
  guestSeats: number | null;
  paceSecPerKm: number;
  durationMinutes: number;
  schedule: Omit<CreateSeries['schedule'], 'from'>;
  /** Hosts (by index) who join the first occurrences, like members signing up. */
  joiners: number[];
}

/**
 * The demo crews' 정기런, each on its crew's rhythm and at its home spot, open to everyone with a few guest
 * seats: every demo crew page lists the crew runs ahead.
 */
const DEMO_SERIES: DemoSeries[] = [
  {
    crew: '반포 달빛러너스',
    anchor: '반포 한강공원',
    title: '화목 반포 달빛 정기런',
    description:
      '매주 화요일과 목요일 저녁, 반포한강공원 달빛광장에서 모여 5~7km를 함께 달려요. 게스트도 환영해요!',
    place: { name: '반포한강공원 달빛광장', lat: 37.5104, lng: 126.9961 },
    theme: 'riverside',
    region: 'seoul',
    capacity: 20,
    guestSeats: 5,
    paceSecPerKm: 390,
    durationMinutes: 60,
    schedule: { freq: 'weekly', byDay: ['TU', 'TH'], time: '19:30' },
    joiners: [0, 5],
  },
  {
    crew: '여의도 새벽질주',
    anchor: '여의도 한강공원',
    title: '월수금 여의도 새벽 10K',
    description: '출근 전 새벽 6시, 여의나루역에서 모여 한강을 따라 10km. 인터벌과 지속주를 번갈아 해요.',
    place: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
    theme: 'riverside',
    region: 'seoul',
    capacity: 12,
    guestSeats: 3,
    paceSecPerKm: 300,
    durationMinutes: 60,
    schedule: { freq: 'weekly', byDay: ['MO', 'WE', 'FR'], time: '06:00' },
    joiners: [1],
  },
  {
    crew: '여의도 새벽질주',
    anchor: '여의도 한강공원',
    title: '마지막 토요일 새벽 롱런',
    description: '매월 마지막 토요일 아침, 천천히 길게 달리고 브런치까지 함께해요.',
    place: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
    theme: 'riverside',
    region: 'seoul',
    capacity: 15,
    guestSeats: 5,
    paceSecPerKm: 360,
    durationMinutes: 120,
    schedule: { freq: 'monthly', byDay: ['SA'], setPos: -1, time: '07:00', count: 12 },
    joiners: [],
  },
  {
    crew: '광안리 바다런',
    anchor: '광안리 해변',
    title: '토요일 아침 광안리 바다런',
    description: '토요일 아침 광안리 해변을 따라 달리고 민락수변공원에서 커피 한잔해요. 누구나 환영!',
    place: { name: '광안리해수욕장 중앙', lat: 35.1532, lng: 129.1187 },
    theme: 'beach',
    region: 'busan',
    capacity: 15,
    guestSeats: 5,
    paceSecPerKm: 420,
    durationMinutes: 60,
    schedule: { freq: 'weekly', byDay: ['SA'], time: '07:00' },
    joiners: [3],
  },
  {
    crew: '수성못 한바퀴',
    anchor: '수성못',
    title: '수요일 밤 수성못 세 바퀴',
    description:
      '수요일 밤 수성못 둘레길을 천천히 세 바퀴 돌아요. 크루원이 아니어도 게스트로 두 분까지 함께해요.',
    place: { name: '수성못 상화동산', lat: 35.8279, lng: 128.6173 },
    theme: 'park',
    region: 'daegu',
    capacity: 10,
    guestSeats: 2,
    paceSecPerKm: 420,
    durationMinutes: 50,
    schedule: { freq: 'weekly', byDay: ['WE'], time: '20:30' },
    joiners: [4],
  },
];

/**
 * The demo's 정기런: crew series made by each crew's owner through the series service, like a user's (its
 * first four weeks open at once). Returns how many series were made.
 */
export async function demoSeries(services: Services, crews: MadeCrew[], hostIds: string[]): Promise<number> {
  const from = seoulToday(new Date());
  let made = 0;
  for (const demo of DEMO_SERIES) {
    const crew = crews.find((c) => c.name === demo.crew);
    const route = ANCHORS.find((a) => a.name === demo.anchor)?.path;
    if (!crew || !route) continue;
    const { occurrences } = await services.series.create(
      crew.ownerId,
      CreateSeriesSchema.parse({
        template: {
          title: demo.title,
          description: demo.description,
          meetingPlace: demo.place,
          route,
          capacity: demo.capacity,
          theme: demo.theme,
          region: demo.region,
          paceSecPerKm: demo.paceSecPerKm,
          durationMinutes: demo.durationMinutes,
          meetLeadMinutes: 10,
          crewId: crew.id,
          visibility: 'public',
          guestSeats: demo.guestSeats,
        },
        schedule: { ...demo.schedule, from },
      }),
    );
    // The next two dates with time to spare (joining closes an hour before the start).
    const soon = Date.now() + 3 * 3_600_000;
    for (const run of occurrences.filter((r) => Date.parse(r.startsAt) > soon).slice(0, 2))
      for (const joiner of demo.joiners) {
        const userId = hostIds[joiner];
        if (userId && userId !== crew.ownerId) await services.participation.join(run.id, userId);
      }
    made += 1;
  }
  return made;
}
