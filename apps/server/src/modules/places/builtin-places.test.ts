import { haversineKm, inKorea, REGIONS, suggestRegion } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { BuiltinPlaces, normalizePlaceText } from './builtin-places.ts';
import { DISTRICTS } from './places-data.ts';
import { regionOfAddress } from '../../lib/place-regions.ts';

const places = new BuiltinPlaces();
const names = (query: string, limit = 10) => places.find(query, limit).map((p) => p.name);

describe('built-in place search', () => {
  it('finds 반포한강공원 first for "반포", with its region and a point by the river', () => {
    const [first] = places.find('반포', 10);
    expect(first).toMatchObject({ name: '반포한강공원', region: 'seoul', address: '서울 서초구' });
    expect(first?.lat).toBeCloseTo(37.51, 1);
    expect(first?.lng).toBeCloseTo(126.996, 1);
  });

  it('ignores spacing and case: "반포 한강", "반포한강 공원" and "apec" match', () => {
    expect(names('반포 한강')[0]).toBe('반포한강공원');
    expect(names('반포한강 공원')[0]).toBe('반포한강공원');
    expect(names('apec')[0]).toBe('APEC나루공원');
  });

  it('matches 초성: "ㅂㅍ" finds 반포한강공원 first, "ㅅㅅㅁ" finds 수성못', () => {
    expect(names('ㅂㅍ')[0]).toBe('반포한강공원');
    expect(names('ㅅㅅㅁ')).toContain('수성못');
    expect(names('ㅅㅇㅅ')).toContain('서울숲');
  });

  it('ranks a name that starts with the words before one that only contains them', () => {
    // 한강: every 한강공원 contains it; none starts with it, so all rank the same and 한강 parks come first.
    const found = names('한강');
    expect(found.length).toBeGreaterThanOrEqual(8);
    expect(found.every((n) => n.includes('한강'))).toBe(true);
    expect(names('석촌')[0]).toBe('석촌호수');
    expect(names('올림픽')[0]).toBe('올림픽공원');
  });

  it('puts the spot before the district when the words name a spot (해운대, 수성못), the district when they name it', () => {
    expect(names('해운대').slice(0, 2)).toEqual(['해운대해수욕장', '부산 해운대구']);
    expect(names('해운대구')[0]).toBe('부산 해운대구');
    expect(names('수성')[0]).toBe('수성못');
    expect(names('강남')[0]).toBe('서울 강남구');
    expect(names('강남구')[0]).toBe('서울 강남구');
  });

  it('finds districts by region and name in any form: "부산 해운대", "부산광역시 해운대구", "경기 광주"', () => {
    expect(names('부산 해운대')).toContain('부산 해운대구');
    expect(names('부산광역시 해운대구')).toContain('부산 해운대구');
    expect(names('경기 광주')[0]).toBe('경기 광주시');
    expect(names('광주 광산구')[0]).toBe('광주 광산구');
    // Two 고성군: 강원 and 경남.
    expect(names('고성군')).toEqual(expect.arrayContaining(['강원 고성군', '경남 고성군']));
  });

  it('finds well-known running spots of every kind: rivers, parks, lakes, beaches, stadiums and tracks', () => {
    for (const [query, name] of [
      ['여의도', '여의도한강공원'],
      ['뚝섬', '뚝섬한강공원'],
      ['남산', '남산공원'],
      ['서울숲', '서울숲'],
      ['보라매', '보라매공원'],
      ['잠실종합운동장', '잠실종합운동장 보조경기장'],
      ['광안리', '광안리해수욕장'],
      ['수성못', '수성못'],
      ['갑천', '갑천'],
      ['일산호수공원', '일산호수공원'],
      ['송도 센트럴파크', '송도 센트럴파크'],
      ['센트럴파크', '송도 센트럴파크'],
      ['태화강', '태화강국가정원'],
      ['세종호수공원', '세종호수공원'],
    ] as const)
      expect(names(query)[0], query).toBe(name);
  });

  it('answers nothing for words that match nothing, and for empty words', () => {
    expect(names('뉴욕센트럴파크')).toEqual([]);
    expect(names('   ')).toEqual([]);
  });

  it('keeps to the limit', () => {
    expect(names('서울', 5)).toHaveLength(5);
  });
});

describe('the built-in list', () => {
  const all = places.all();

  it('covers every region, each with districts and several running spots', () => {
    for (const region of REGIONS) {
      const mine = all.filter((e) => e.place.region === region);
      expect(mine.filter((e) => e.kind === 'district').length, region).toBeGreaterThanOrEqual(1);
      expect(mine.filter((e) => e.kind === 'spot').length, region).toBeGreaterThanOrEqual(4);
    }
  });

  it('has every 시·군·구: 25 in 서울, 16 in 부산, 9 in 대구 (군위군 since 2023), 31 in 경기, 18 in 강원, about 230 in all', () => {
    const count = (region: keyof typeof DISTRICTS) => DISTRICTS[region].length;
    expect(count('seoul')).toBe(25);
    expect(count('busan')).toBe(16);
    expect(count('daegu')).toBe(9);
    expect(count('incheon')).toBe(11);
    expect(count('gwangju')).toBe(5);
    expect(count('daejeon')).toBe(5);
    expect(count('ulsan')).toBe(5);
    expect(count('sejong')).toBe(1);
    expect(count('gyeonggi')).toBe(31);
    expect(count('gangwon')).toBe(18);
    expect(count('chungbuk')).toBe(11);
    expect(count('chungnam')).toBe(15);
    expect(count('jeonbuk')).toBe(14);
    expect(count('jeonnam')).toBe(22);
    expect(count('gyeongbuk')).toBe(22);
    expect(count('gyeongnam')).toBe(18);
    expect(count('jeju')).toBe(2);
    const total = all.filter((e) => e.kind === 'district').length;
    expect(total).toBe(230);
    // No 시·군·구 twice in one region.
    for (const region of REGIONS) {
      const districtNames = DISTRICTS[region].map(([name]) => name);
      expect(new Set(districtNames).size, region).toBe(districtNames.length);
    }
  });

  it('has plausible coordinates: in Korea, spots beside a district of their region, districts near their region', () => {
    const misplaced: string[] = [];
    for (const { place } of all) {
      expect(place.lat, place.name).toBeGreaterThan(33);
      expect(place.lat, place.name).toBeLessThan(39);
      expect(place.lng, place.name).toBeGreaterThan(124);
      expect(place.lng, place.name).toBeLessThan(132);
      expect(inKorea([place.lat, place.lng]), place.name).toBe(true);
      if (suggestRegion(place.lat, place.lng) !== place.region) misplaced.push(place.name);
    }
    // suggestRegion is a nearest-town guess (border districts go to a neighbour): most still agree.
    expect(misplaced.length, misplaced.join(', ')).toBeLessThanOrEqual(all.length * 0.12);
    const districts = all.filter((e) => e.kind === 'district');
    for (const { place } of all.filter((e) => e.kind === 'spot')) {
      const nearest = Math.min(
        ...districts
          .filter((d) => d.place.region === place.region)
          .map((d) => haversineKm([place.lat, place.lng], [d.place.lat, d.place.lng])),
      );
      expect(nearest, place.name).toBeLessThan(25);
    }
    // A district is within a day's drive of its region's middle (울릉도 is 130 km out at sea).
    for (const region of REGIONS) {
      const mine = districts.filter((d) => d.place.region === region).map((d) => d.place);
      const middle: [number, number] = [
        mine.reduce((sum, p) => sum + p.lat, 0) / mine.length,
        mine.reduce((sum, p) => sum + p.lng, 0) / mine.length,
      ];
      for (const p of mine)
        if (p.name !== '경북 울릉군')
          expect(haversineKm(middle, [p.lat, p.lng]), p.name).toBeLessThan(region === 'gangwon' ? 130 : 110);
    }
  });

  it('gives each spot an address that starts with its region', () => {
    for (const { place, kind } of all) {
      if (kind === 'spot') expect(regionOfAddress(place.address ?? ''), place.name).toBe(place.region);
    }
  });
});

describe('regionOfAddress', () => {
  it.each([
    ['서울 서초구 반포동 115-5', 'seoul'],
    ['서울특별시 서초구', 'seoul'],
    ['부산광역시 수영구 광안해변로', 'busan'],
    ['경기 수원시 영통구', 'gyeonggi'],
    ['경기도 광주시', 'gyeonggi'],
    ['광주 서구 치평동', 'gwangju'],
    ['강원특별자치도 춘천시', 'gangwon'],
    ['전북특별자치도 전주시', 'jeonbuk'],
    ['전라남도 순천시', 'jeonnam'],
    ['충청북도 청주시', 'chungbuk'],
    ['경상남도 창원시', 'gyeongnam'],
    ['세종특별자치시 연기면', 'sejong'],
    ['제주특별자치도 제주시', 'jeju'],
  ])('%s → %s', (address, region) => expect(regionOfAddress(address)).toBe(region));

  it('says nothing for an address outside the 17 regions', () => {
    expect(regionOfAddress('Tokyo Shibuya')).toBeUndefined();
    expect(regionOfAddress('')).toBeUndefined();
  });
});

describe('normalizePlaceText', () => {
  it('drops spaces and punctuation and lower-cases', () => {
    expect(normalizePlaceText(' 반포 한강·공원 (APEC) ')).toBe('반포한강공원apec');
  });
});
