import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('turns http and https addresses into links, the rest stays text', () => {
    expect(linkify('코스 지도: https://map.kakao.com/a?b=1 참고하세요')).toEqual([
      { kind: 'text', text: '코스 지도: ' },
      { kind: 'link', text: 'https://map.kakao.com/a?b=1', href: 'https://map.kakao.com/a?b=1' },
      { kind: 'text', text: ' 참고하세요' },
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x vbscript:x')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x vbscript:x' },
    ]);
    expect(linkify('<a href="javascript:alert(1)">x</a>').every((s) => s.kind === 'text')).toBe(true);
  });

  it('leaves sentence punctuation out of the address', () => {
    expect(linkify('여기 (https://erun.run/courses/1). 좋아요!')).toEqual([
      { kind: 'text', text: '여기 (' },
      { kind: 'link', text: 'https://erun.run/courses/1', href: 'https://erun.run/courses/1' },
      { kind: 'text', text: '). 좋아요!' },
    ]);
    expect(linkify('https://ko.wikipedia.org/wiki/Seoul_(city).')[0]).toEqual({
      kind: 'link',
      text: 'https://ko.wikipedia.org/wiki/Seoul_(city)',
      href: 'https://ko.wikipedia.org/wiki/Seoul_(city)',
    });
  });

  it('keeps line breaks in the text', () => {
    expect(linkify('첫 줄\n둘째 줄')).toEqual([{ kind: 'text', text: '첫 줄\n둘째 줄' }]);
  });
});
