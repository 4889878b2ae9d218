import type { TimeOfDay } from '@erun/contracts';
import type { Random } from './random.ts';

/** Korean sample text, composed from parts so that 100k runs do not all read the same. */

const NICK_HEADS =
  '새벽 한강 달리는 느린 행복한 씩씩한 주말 퇴근길 아침 밤길 초록 바다 산들 꾸준한 용감한 반짝 푸른 노을 은하 가벼운 힘찬 즐거운 동네 하루 별빛 단단한 보통 도시 햇살 바람'.split(
    ' ',
  );
const NICK_TAILS =
  '러너 거북이 치타 토끼 고양이 펭귄 다람쥐 여우 곰돌이 참새 갈매기 사슴 수달 호랑이 부엉이 코알라 달팽이 고래 기린 하마 마라토너 조깅러 발걸음 운동화 페이서'.split(
    ' ',
  );

export function nicknameOf(rng: Random): string {
  const base = `${rng.pick(NICK_HEADS)}${rng.pick(NICK_TAILS)}`;
  const name = rng.chance(0.55) ? `${base}${rng.int(1, 99)}` : base;
  return name.slice(0, 12);
}

const BIOS = [
  '천천히 오래 달리는 게 목표예요.',
  '하프 마라톤 준비 중입니다.',
  '퇴근 후 한 시간, 달리기로 하루를 정리해요.',
  '주말마다 새로운 코스를 찾아다녀요.',
  '러닝 3년차, 풀코스 완주가 꿈!',
  '같이 달리면 더 멀리 갈 수 있어요.',
  '',
];

export const bioOf = (rng: Random) => rng.pick(BIOS);

const WHEN: Record<TimeOfDay, string[]> = {
  late_night: ['심야', '한밤중', '자정'],
  dawn: ['새벽', '출근 전', '이른 아침'],
  morning: ['아침', '오전', '모닝'],
  afternoon: ['오후', '점심', '낮'],
  evening: ['퇴근 후', '저녁', '노을'],
  night: ['야간', '밤', '퇴근 후 밤'],
};

// [template, shortest run it suits in km]
const TITLES: [string, number][] = [
  ['{weekend}{when} {place} {km}km 함께 뛰어요', 0],
  ['{when} {place} 러닝 크루', 0],
  ['초보 환영! {place} 천천히 달리기', 0],
  ['{place} {when} 러닝 {km}km', 0],
  ['{weekend}{place} LSD {km}km', 12],
  ['{place} 인터벌 같이 해요', 0],
  ['{place} {when} 조깅 모임', 0],
  ['페이스 {pace} {place} {km}km', 0],
  ['하프 준비! {place} 장거리 {km}km', 15],
  ['{place}에서 {km}km 가볍게', 0],
  ['{when} {place} 한 바퀴 돌아요', 0],
  ['{place} 러닝 번개 ({km}km)', 0],
];

export interface TitleParts {
  place: string;
  timeOfDay: TimeOfDay;
  weekend: boolean;
  km: number;
  pace: string;
}

export function titleOf(rng: Random, p: TitleParts): string {
  const title = rng
    .pick(TITLES.filter(([, minKm]) => p.km >= minKm))[0]
    .replace('{weekend}', p.weekend && rng.chance(0.6) ? '주말 ' : '')
    .replace('{when}', rng.pick(WHEN[p.timeOfDay]))
    .replace('{place}', p.place)
    .replace('{km}', String(p.km))
    .replace('{pace}', p.pace);
  return title.length <= 40 ? title : title.slice(0, 40).trim();
}

const OPENINGS = [
  '{meet}에서 만나서 가볍게 스트레칭하고 출발합니다.',
  '{meet} 앞에서 모여요. 5분 전까지 와 주세요!',
  '{place} 코스를 함께 달려요. 집합 장소는 {meet}입니다.',
  '처음 오시는 분도 편하게 오세요. {meet}에서 기다릴게요.',
];
const PACE_LINES = [
  '페이스는 {pace} 정도로 맞출 예정이에요.',
  '대화가 가능한 편한 페이스로 달립니다.',
  '중간에 한 번 쉬었다 갑니다. 뒤처지는 분 없이 함께 들어와요.',
  '마지막 1km는 각자 원하는 만큼 빌드업해요.',
];
const EXTRAS = [
  '개인 물은 챙겨 오세요.',
  '우천 시에는 전날 밤에 취소 여부를 알려 드려요.',
  '끝나고 근처 카페에서 커피 한잔해요 ☕',
  '러닝화와 편한 복장이면 충분합니다.',
  '사진 찍어 드려요! 인증샷 남겨요.',
  '무리하지 말고 컨디션에 맞게 달려요.',
  '여름에는 모자와 선크림 필수!',
  '야간에는 밝은 옷이나 라이트를 추천해요.',
];

export function descriptionOf(rng: Random, p: { place: string; meet: string; pace: string }): string {
  const fill = (s: string) =>
    s.replace('{meet}', p.meet).replace('{place}', p.place).replace('{pace}', p.pace);
  const lines = [fill(rng.pick(OPENINGS)), fill(rng.pick(PACE_LINES)), ...rng.sample(EXTRAS, rng.int(0, 2))];
  return lines.join(' ');
}

const PARKING = [
  '공영주차장 이용 가능 (유료)',
  '주차 공간이 좁아요. 대중교통 추천',
  '공원 주차장 무료',
  '주차 불가',
];
const BAGGAGE = ['물품 보관함 있어요', '크루장 차에 짐 보관 가능', '짐 보관 어려워요. 가볍게 오세요'];

export const parkingOf = (rng: Random) => (rng.chance(0.6) ? rng.pick(PARKING) : null);
export const baggageOf = (rng: Random) => (rng.chance(0.5) ? rng.pick(BAGGAGE) : null);

/** `5'30"/km` as the app shows a pace. */
export function paceText(secPerKm: number): string {
  return `${Math.floor(secPerKm / 60)}'${String(secPerKm % 60).padStart(2, '0')}"`;
}
