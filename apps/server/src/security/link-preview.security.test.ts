import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCourse, newRun, newUser } from '../test/factories.ts';
import { fakeWebDist } from '../test/web-dist.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// Issue 12: the link previews put user text into a String.replace replacement string, so `$&`, `` $` `` and
// `$'` in a title copied parts of the page head into og:title and added <title> elements.

const WEB_INDEX = fileURLToPath(new URL('../../../web/index.html', import.meta.url));
const PATTERNS = ["$& $` $'", "$'$'$'$'", '$`$`$`$`', '$$ $1 $<x>'];

let t: TestApp;
let dist: string;
beforeAll(async () => {
  // The real page head: its own <title> and description are what a preview replaces.
  dist = await fakeWebDist(await readFile(WEB_INDEX, 'utf8'));
  t = await createTestApp({ env: { WEB_DIST_DIR: dist, PUBLIC_URL: 'https://erun.example' } });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

function expectOneHead(html: string, title: string, description: RegExp) {
  expect(count(html, /<title>/g)).toBe(1);
  expect(count(html, /<\/title>/g)).toBe(1);
  expect(count(html, /name="description"/g)).toBe(1);
  expect(count(html, /property="og:title"/g)).toBe(1);
  expect(html).toContain(`<meta property="og:title" content="${escaped(title)}" />`);
  expect(html).toContain(`<title>${escaped(title)} · 이RUN 저RUN</title>`);
  expect(html).toMatch(description);
  expect(count(html, /<head>/g)).toBe(1);
}

describe('replacement patterns in a title or a place name', () => {
  it.each(PATTERNS)(
    'a run titled "%s" gets one <title>, one description, its title as written',
    async (p) => {
      const host = await newUser(t.app);
      const title = `한강 ${p} 러닝`;
      const place = `여의나루 ${p} 출구`;
      const run = await newRun(t.app, host, {
        title,
        meetingPlace: { name: place, lat: 37.5271, lng: 126.9326 },
      });
      const html = (await t.app.inject({ method: 'GET', url: `/runs/${run.id}` })).body;
      expectOneHead(
        html,
        title,
        new RegExp(`<meta name="description" content="[^"]*${escapeRe(escaped(place))}`),
      );
    },
  );

  it.each(PATTERNS)(
    'a course titled "%s" gets one <title>, one description, its title as written',
    async (p) => {
      const author = await newUser(t.app);
      const title = `남산 ${p} 코스`;
      const course = await newCourse(t.app, author, { title });
      const html = (await t.app.inject({ method: 'GET', url: `/courses/${course.id}` })).body;
      expectOneHead(html, title, /<meta name="description" content="[^"]*km/);
    },
  );
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
