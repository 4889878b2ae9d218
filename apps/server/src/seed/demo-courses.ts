import {
  type CreateCourse,
  CreateCourseSchema,
  type Region,
  routeDistanceKm,
  type Theme,
} from '@erun/contracts';
import sharp from 'sharp';
import type { Services } from '../app.ts';
import { ANCHORS, type Anchor } from './anchors.ts';
import { walk } from './generator.ts';
import type { Random } from './random.ts';

/** One recommended course per place: where runners of each big city would send a friend first. */
const COURSE_PLACES: { region: Region; name: string; km: number }[] = [
  { region: 'seoul', name: '여의도 한강공원', km: 5 },
  { region: 'seoul', name: '서울숲', km: 3 },
  { region: 'seoul', name: '남산 순환로', km: 6 },
  { region: 'gyeonggi', name: '일산 호수공원', km: 5 },
  { region: 'incheon', name: '송도 센트럴파크', km: 4 },
  { region: 'busan', name: '광안리 해변', km: 5 },
  { region: 'daegu', name: '수성못', km: 3 },
  { region: 'daejeon', name: '갑천', km: 7 },
  { region: 'gwangju', name: '영산강 자전거길', km: 8 },
  { region: 'gyeongbuk', name: '경주 보문호', km: 6 },
  { region: 'jeju', name: '용두암 해안도로', km: 5 },
  { region: 'gangwon', name: '춘천 의암호', km: 10 },
];

const NOTES = {
  toilets: ['출발점 공원 화장실', '2km 지점 공중화장실', '편의점 화장실 이용 가능'],
  water: ['중간 급수대 1곳', '편의점 2곳', '공원 음수대'],
};

/** Recommended courses with a generated photo each, and a few ratings from the other demo accounts. */
export async function demoCourses(
  services: Services,
  rng: Random,
  authorIds: string[],
  raterIds: string[],
): Promise<number> {
  let made = 0;
  for (const [i, place] of COURSE_PLACES.entries()) {
    const anchor = anchorOf(place.region, place.name);
    if (!anchor) throw new Error(`no anchor ${place.region}/${place.name}`);
    const authorId = authorIds[i % authorIds.length] as string;
    const theme = anchor.themes[0] ?? 'park';
    const photo = await services.uploads.create(authorId, 'photo', await pictureOf(theme, rng));
    const route = walk(rng, anchor.path, place.km);
    const km = routeDistanceKm(route);
    const [lat, lng] = route[0] ?? anchor.path[0] ?? [37.5665, 126.978];
    const body: CreateCourse = {
      title: `${anchor.name} ${Math.round(km)}km 코스`,
      description:
        `${withObjectParticle(anchor.name)} 따라 달리는 ${km.toFixed(1)}km 코스예요. ` +
        `${rng.pick(anchor.meets)}에서 출발하면 찾기 쉬워요. 평지가 많아 처음 오는 분도 편하게 달릴 수 있어요.`,
      route,
      region: anchor.region,
      theme,
      startPoint: { name: rng.pick(anchor.meets), lat, lng },
      paceSecPerKm: rng.pick([330, 360, 390, null]),
      parking: rng.chance(0.6) ? '인근 공영주차장 (주말 혼잡)' : null,
      baggage: rng.chance(0.4) ? '보관함 없음, 가볍게 오세요' : null,
      toilets: rng.pick(NOTES.toilets),
      water: rng.pick(NOTES.water),
      photoIds: [photo.id],
    };
    const course = await services.courses.create(authorId, CreateCourseSchema.parse(body));
    for (const raterId of rng.sample(
      raterIds.filter((id) => id !== authorId),
      rng.int(0, 4),
    ))
      await services.courses.rate(course.id, raterId, rng.pick([3, 4, 4, 5, 5]));
    made++;
  }
  return made;
}

function anchorOf(region: Region, name: string): Anchor | undefined {
  return ANCHORS.find((a) => a.region === region && a.name === name);
}

const PALETTES: Record<Theme, { sky: [string, string]; ground: string; shape: string }> = {
  riverside: { sky: ['#8ec5ff', '#e0f0ff'], ground: '#4a90d9', shape: '#2f3e63' },
  beach: { sky: ['#ffd29d', '#fff3e0'], ground: '#3fa9c9', shape: '#f2d39b' },
  park: { sky: ['#b6e3b0', '#f1fbef'], ground: '#6fbf73', shape: '#2e7d32' },
  mountain: { sky: ['#c9d6ff', '#eef2ff'], ground: '#7a9a6d', shape: '#4b5d7a' },
  city: { sky: ['#ffc4d6', '#fff0f5'], ground: '#8d8fa8', shape: '#3c3f58' },
  track: { sky: ['#ffe3a3', '#fffaf0'], ground: '#d9694f', shape: '#ffffff' },
};

/** A simple landscape of the course's theme (no text, nobody in it): the demo's photo. */
async function pictureOf(theme: Theme, rng: Random): Promise<Buffer> {
  const p = PALETTES[theme];
  const sunX = rng.int(180, 1020);
  const hills = Array.from({ length: 5 }, (_, i) => {
    const x = i * 300 - rng.int(0, 120);
    const h = rng.int(120, 260);
    return `<path d="M${x} 560 Q${x + 180} ${560 - h} ${x + 360} 560 Z" fill="${p.shape}" opacity="0.55"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient></defs>
  <rect width="1200" height="800" fill="url(#s)"/>
  <circle cx="${sunX}" cy="${rng.int(130, 230)}" r="70" fill="#fff7d6"/>
  ${hills}
  <rect y="560" width="1200" height="240" fill="${p.ground}"/>
  <path d="M0 700 C300 640 600 760 1200 660" stroke="#ffffff" stroke-width="10" stroke-dasharray="28 22" fill="none" opacity="0.9"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** "한강공원을", "해안도로를": the object particle the last syllable takes (a final consonant: 을). */
function withObjectParticle(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  const hangul = last >= 0xac00 && last <= 0xd7a3;
  return `${word}${hangul && (last - 0xac00) % 28 === 0 ? '를' : '을'}`;
}
