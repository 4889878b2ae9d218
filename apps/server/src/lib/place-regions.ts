import type { Region } from '@erun/contracts';

/**
 * How addresses begin for each 시·도: the short form Kakao Local writes ("서울", "경기", "강원특별자치도") and
 * the long forms ("서울특별시", "충청북도", "전라북도", "전북특별자치도"…). Checked in order, first match wins.
 */
const ADDRESS_PREFIXES: readonly (readonly [prefix: string, region: Region])[] = [
  ['서울', 'seoul'],
  ['부산', 'busan'],
  ['대구', 'daegu'],
  ['인천', 'incheon'],
  ['광주', 'gwangju'],
  ['대전', 'daejeon'],
  ['울산', 'ulsan'],
  ['세종', 'sejong'],
  ['경기', 'gyeonggi'],
  ['강원', 'gangwon'],
  ['충북', 'chungbuk'],
  ['충청북', 'chungbuk'],
  ['충남', 'chungnam'],
  ['충청남', 'chungnam'],
  ['전북', 'jeonbuk'],
  ['전라북', 'jeonbuk'],
  ['전남', 'jeonnam'],
  ['전라남', 'jeonnam'],
  ['경북', 'gyeongbuk'],
  ['경상북', 'gyeongbuk'],
  ['경남', 'gyeongnam'],
  ['경상남', 'gyeongnam'],
  ['제주', 'jeju'],
];

/** The 시·도 of a Korean address from its first word ("서울 서초구 …" → seoul); undefined when not one. */
export function regionOfAddress(address: string): Region | undefined {
  const first = address.trim().split(/\s+/)[0] ?? '';
  return ADDRESS_PREFIXES.find(([prefix]) => first.startsWith(prefix))?.[1];
}

/**
 * Short Korean labels of the regions: place names ("서울 강남구") and search words, and 에어코리아's forecast
 * areas (outside 경기 and 강원, which it splits).
 */
export const REGION_LABELS: Record<Region, string> = {
  seoul: '서울',
  busan: '부산',
  daegu: '대구',
  incheon: '인천',
  gwangju: '광주',
  daejeon: '대전',
  ulsan: '울산',
  sejong: '세종',
  gyeonggi: '경기',
  gangwon: '강원',
  chungbuk: '충북',
  chungnam: '충남',
  jeonbuk: '전북',
  jeonnam: '전남',
  gyeongbuk: '경북',
  gyeongnam: '경남',
  jeju: '제주',
};

/** The long names of the 시·도, searched as words too ("부산광역시 해운대구"). */
export const REGION_LONG_NAMES: Record<Region, string> = {
  seoul: '서울특별시',
  busan: '부산광역시',
  daegu: '대구광역시',
  incheon: '인천광역시',
  gwangju: '광주광역시',
  daejeon: '대전광역시',
  ulsan: '울산광역시',
  sejong: '세종특별자치시',
  gyeonggi: '경기도',
  gangwon: '강원특별자치도',
  chungbuk: '충청북도',
  chungnam: '충청남도',
  jeonbuk: '전북특별자치도',
  jeonnam: '전라남도',
  gyeongbuk: '경상북도',
  gyeongnam: '경상남도',
  jeju: '제주특별자치도',
};
