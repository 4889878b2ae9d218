import { crewNameKey, searchKey } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { choseongKey, parseSearch, runSearchText } from './search-text.ts';

const spellings = (query: string) => parseSearch(query)?.tokens.map((t) => t.spellings[0]);

describe('searchKey', () => {
  it('compares text as NFC, lower-cased, without whitespace; crew names are unique by the same key', () => {
    expect(searchKey('한강 러닝')).toBe('한강러닝');
    expect(searchKey('세빛섬'.normalize('NFD'))).toBe('세빛섬');
    expect(searchKey(' Run\tSeoul\u3000Crew ')).toBe('runseoulcrew');
    expect(crewNameKey('반포 달빛러너스')).toBe(searchKey('반포 달빛러너스'));
  });
});

describe('parseSearch', () => {
  it('reads nothing from a blank query', () => {
    expect(parseSearch('   ')).toBeUndefined();
  });

  it('splits a word at the synonyms it holds, so spacing does not matter', () => {
    expect(parseSearch('한강러닝')).toEqual(parseSearch('한강 러닝'));
    expect(spellings('여의도야간런')).toEqual(['여의도', '야간', '런']);
  });

  it('spells a running word every way runners write it', () => {
    const [run] = parseSearch('달리기')?.tokens ?? [];
    expect(run?.spellings).toEqual(
      expect.arrayContaining(['러닝', '달리기', '런', '조깅', 'running', 'run']),
    );
  });

  it('keeps a word whole when splitting would leave one letter alone', () => {
    expect(spellings('브런치')).toEqual(['브런치']);
    expect(parseSearch('왕초보')?.tokens[0]?.spellings).toEqual(['왕초보', '왕입문', '왕beginner']);
  });

  it('reads a distance: its number, and spellings found only where no digit comes before', () => {
    const [km] = parseSearch('5키로')?.tokens ?? [];
    expect(km?.km).toBe(5);
    const pattern = new RegExp(km?.distancePattern ?? '^$', 'u');
    expect(pattern.test('뚝섬5km조깅')).toBe(true);
    expect(pattern.test('15km뚝섬왕복')).toBe(false);
    expect(parseSearch('10kg')?.tokens[0]?.km).toBeUndefined();
  });

  it('reads the same query typed decomposed (NFD)', () => {
    expect(parseSearch('세빛섬 러닝'.normalize('NFD'))).toEqual(parseSearch('세빛섬 러닝'));
  });

  it('keeps at most eight different tokens, each once', () => {
    expect(parseSearch('런 러닝 달리기')?.tokens).toHaveLength(1);
    expect(parseSearch('가가 나나 다다 라라 마마 바바 사사 아아 자자 차차')?.tokens).toHaveLength(8);
  });
});

describe('stored keys', () => {
  it('a run is searched as title, place, the place’s 초성 and description, one a line', () => {
    expect(
      runSearchText({ title: '반포 야간 러닝', placeName: '반포 한강공원 IFC', description: '같이\n달려요' }),
    ).toBe('반포야간러닝\n반포한강공원ifc\nㅂㅍㅎㄱㄱㅇ\n같이달려요');
  });

  it('초성 keeps only the initial consonants of 한글 syllables', () => {
    expect(choseongKey('뚝섬유원지역 2번 출구')).toBe('ㄸㅅㅇㅇㅈㅇㅂㅊㄱ');
  });
});
