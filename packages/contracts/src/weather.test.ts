import { describe, expect, it } from 'vitest';
import { WEATHER_THRESHOLDS, weatherAlerts } from './weather.ts';

const mild = {
  temperatureC: 18,
  rainChancePct: 20,
  precipitation: 'none' as const,
  sky: 'clear' as const,
  windMs: 2,
};

describe('weatherAlerts (the thresholds in one place)', () => {
  it('warns of nothing on a mild dry morning', () => {
    expect(weatherAlerts(mild)).toEqual([]);
  });

  it('heat from 31 °C, cold from −10 °C down, each at its edge', () => {
    expect(WEATHER_THRESHOLDS).toMatchObject({ heatC: 31, coldC: -10, rainChancePct: 60, windMs: 9 });
    expect(weatherAlerts({ ...mild, temperatureC: 30.9 })).toEqual([]);
    expect(weatherAlerts({ ...mild, temperatureC: 31 })).toEqual(['heat']);
    expect(weatherAlerts({ ...mild, temperatureC: -9 })).toEqual([]);
    expect(weatherAlerts({ ...mild, temperatureC: -10 })).toEqual(['cold']);
  });

  it('rain from a 60 % chance or any precipitation; wind from 9 m/s', () => {
    expect(weatherAlerts({ ...mild, rainChancePct: 59 })).toEqual([]);
    expect(weatherAlerts({ ...mild, rainChancePct: 60 })).toEqual(['rain']);
    expect(weatherAlerts({ ...mild, precipitation: 'snow' })).toEqual(['rain']);
    expect(weatherAlerts({ ...mild, windMs: 8.9 })).toEqual([]);
    expect(weatherAlerts({ ...mild, windMs: 9 })).toEqual(['wind']);
  });

  it('dust at 나쁨 or 매우나쁨 of either PM10 or PM2.5, not at 보통', () => {
    expect(weatherAlerts({ ...mild, pm10Grade: 'moderate', pm25Grade: 'moderate' })).toEqual([]);
    expect(weatherAlerts({ ...mild, pm25Grade: 'bad' })).toEqual(['dust']);
    expect(weatherAlerts({ ...mild, pm10Grade: 'very_bad' })).toEqual(['dust']);
  });

  it('lists several in a fixed order', () => {
    expect(
      weatherAlerts({ ...mild, temperatureC: 33, precipitation: 'shower', windMs: 10, pm10Grade: 'bad' }),
    ).toEqual(['heat', 'rain', 'wind', 'dust']);
  });
});
