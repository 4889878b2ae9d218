import { describe, expect, it } from 'vitest';
import { PasswordSchema, SignupSchema } from './auth.ts';
import { distanceBucketOf, timeOfDayOfHour } from './domain.ts';

describe('time of day', () => {
  it.each([
    [0, 'late_night'],
    [3, 'late_night'],
    [4, 'dawn'],
    [7, 'dawn'],
    [8, 'morning'],
    [11, 'morning'],
    [12, 'afternoon'],
    [16, 'evening'],
    [19, 'evening'],
    [20, 'night'],
    [23, 'night'],
  ])('hour %i is %s (start hour in [from, to))', (hour, code) => expect(timeOfDayOfHour(hour)).toBe(code));
  it('refuses hours outside 0–23', () => {
    expect(() => timeOfDayOfHour(24)).toThrow(RangeError);
    expect(() => timeOfDayOfHour(-1)).toThrow(RangeError);
  });
});

describe('distance buckets', () => {
  it.each([
    [0, 'lt5'],
    [4.99, 'lt5'],
    [5, '5to10'],
    [9.99, '5to10'],
    [10, '10to15'],
    [15, 'gte15'],
    [42.195, 'gte15'],
  ])('%f km is %s', (km, bucket) => expect(distanceBucketOf(km)).toBe(bucket));
});

describe('passwords', () => {
  it.each(['abcdefgh', 'ABCDEFGH', '12345678', '!!!!!!!!', '가나다라마바사아'])(
    'refuses one class only: %s',
    (p) => expect(PasswordSchema.safeParse(p).success).toBe(false),
  );
  it.each(['abcd1234', 'Abcdefgh', '달리기가좋아요1', 'run-run-run'])(
    'accepts two classes or more: %s',
    (p) => expect(PasswordSchema.safeParse(p).success).toBe(true),
  );
  it('normalises the email', () => {
    const parsed = SignupSchema.parse({
      email: '  Runner@Example.COM ',
      password: 'abcd1234',
      nickname: '러너',
      consents: { terms: true, privacy: true, age14: true },
    });
    expect(parsed.email).toBe('runner@example.com');
  });
});
