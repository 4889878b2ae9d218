import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.ts';

describe('redactUrl', () => {
  it('hides a calendar feed token and secret query parameters, keeps the rest', () => {
    expect(redactUrl('/api/calendar/AbC-123_feedtoken0001.ics')).toBe('/api/calendar/[redacted]');
    expect(redactUrl('/api/auth/kakao/callback?code=abc&state=def&error=x')).toBe(
      '/api/auth/kakao/callback?code=[redacted]&state=[redacted]&error=x',
    );
    expect(redactUrl('/api/runs?limit=5&q=%ED%95%9C%EA%B0%95')).toBe(
      '/api/runs?limit=5&q=%ED%95%9C%EA%B0%95',
    );
    expect(redactUrl('/api/x?%63ode=abc&access_token=t')).toBe(
      '/api/x?%63ode=[redacted]&access_token=[redacted]',
    );
    expect(redactUrl('/api/x?%zz=1')).toBe('/api/x?%zz=1');
  });

  it('keeps no address asked about by the sign-up form', () => {
    expect(redactUrl('/api/auth/email-availability?email=runner%40example.com')).toBe(
      '/api/auth/email-availability?email=[redacted]',
    );
  });
});
