import { CreateSeriesSchema } from '@erun/contracts';
import type { Services } from '../services.ts';
import { seoulToday } from '../modules/series/schedule.ts';

/** Banpo Hangang Park along the river, about 1.5 km (the demo's 정기런). */
const BANPO: [number, number][] = [
  [37.5097, 126.9955],
  [37.5111, 126.9984],
  [37.5125, 127.0013],
  [37.5139, 127.0042],
  [37.5153, 127.0071],
];

/** Two 정기런 of the demo hosts: 매주 화·목 19:30 at Banpo, and 매월 마지막 토요일 07:00 at Yeouido. */
export async function demoSeries(services: Services, hostIds: string[]): Promise<number> {
  const [first, second] = hostIds;
  if (!first || !second) return 0;
  const today = seoulToday(new Date());
  const template = (
    title: string,
    description: string,
    place: { name: string; lat: number; lng: number },
  ) => ({
    title,
    description,
    meetingPlace: place,
    route: BANPO,
    capacity: 15,
    theme: 'riverside',
    region: 'seoul',
    paceSecPerKm: 360,
    durationMinutes: 60,
    meetLeadMinutes: 10,
  });
  await services.series.create(
    first,
    CreateSeriesSchema.parse({
      template: template(
        '화목 반포 한강 정기런',
        '매주 화요일과 목요일 저녁, 반포 한강공원 달빛광장에서 모여 5km를 함께 달려요. 초보 환영!',
        { name: '반포 한강공원 달빛광장', lat: 37.5097, lng: 126.9955 },
      ),
      schedule: { freq: 'weekly', byDay: ['TU', 'TH'], time: '19:30', from: today },
    }),
  );
  await services.series.create(
    second,
    CreateSeriesSchema.parse({
      template: template(
        '마지막 토요일 새벽 롱런',
        '매월 마지막 토요일 아침, 천천히 길게 달리고 브런치까지 함께해요.',
        { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
      ),
      schedule: { freq: 'monthly', byDay: ['SA'], setPos: -1, time: '07:00', from: today, count: 12 },
    }),
  );
  return 2;
}
