import { type Course, type Crew, type Run, ThemeSchema } from '@erun/contracts';
import sharp from 'sharp';
import { NotFoundError } from '../lib/errors.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const dateFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

interface Preview {
  title: string;
  description: string;
  /** Path of the page, e.g. `/runs/<id>`. */
  path: string;
  /** Absolute or site-relative image URL. */
  image: string;
}

/** Open Graph and Twitter tags, every value escaped, to replace the page's `<title>`. */
function metaTags(preview: Preview, publicUrl: string): string {
  const { title, description } = preview;
  const tags: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', '이RUN 저RUN'],
    ['og:title', title],
    ['og:description', description],
    ['og:url', `${publicUrl}${preview.path}`],
    ['og:image', new URL(preview.image, publicUrl).toString()],
    ['twitter:card', 'summary_large_image'],
    ['twitter:title', title],
    ['twitter:description', description],
  ];
  const metas = tags.map(([p, c]) => `<meta property="${p}" content="${escapeHtml(c)}" />`).join('\n    ');
  return `<title>${escapeHtml(title)} · 이RUN 저RUN</title>\n    <meta name="description" content="${escapeHtml(description)}" />\n    ${metas}`;
}

/** Open Graph and Twitter tags for a run, so a link pasted into KakaoTalk or Slack shows a preview. */
export function runMetaTags(run: Run, publicUrl: string): string {
  // A link shared before the cancellation must not invite anyone.
  const title = run.joinState === 'cancelled' ? `[취소됨] ${run.title}` : run.title;
  const description = `${dateFormat.format(new Date(run.startsAt))} · ${run.meetingPlace.name} · ${run.distanceKm}km · ${run.participantCount}/${run.capacity}명`;
  const image = run.photos[0]?.urls.large ?? `/og/themes/${run.theme}.png`;
  return metaTags({ title, description, path: `/runs/${run.id}`, image }, publicUrl);
}

/** The same for a course: distance, estimated time, start point and rating. */
export function courseMetaTags(course: Course, publicUrl: string): string {
  const parts = [
    `${course.distanceKm}km`,
    `약 ${course.estimatedMinutes}분`,
    course.startPoint ? `${course.startPoint.name} 출발` : null,
    course.rating.count > 0 ? `★ ${course.rating.average.toFixed(1)} (${course.rating.count}명)` : null,
  ];
  const description = parts.filter((p) => p !== null).join(' · ');
  const image = course.photos[0]?.urls.large ?? `/og/themes/${course.theme}.png`;
  return metaTags({ title: course.title, description, path: `/courses/${course.id}`, image }, publicUrl);
}

/** The same for a crew: its name, then what it is about. */
export function crewMetaTags(crew: Crew, publicUrl: string): string {
  const description = crew.description.trim().split('\n')[0]?.slice(0, 150) || `멤버 ${crew.memberCount}명`;
  const image = crew.cover?.urls.large ?? '/og/themes/city.png';
  return metaTags({ title: crew.name, description, path: `/crews/${crew.id}`, image }, publicUrl);
}

/**
 * The page's head with the item's tags in place of its `<title>` and its own description: one `<title>`, one
 * description. Replaced through functions, never replacement strings: a title holding `$&`, `` $` `` or `$'`
 * would otherwise copy parts of the page into the head.
 */
export function withPreview(index: string, tags: string): string {
  return index.replace(/[ \t]*<meta\s+name="description"[^>]*>\s*/i, () => '').replace(TITLE, () => tags);
}

const TITLE = /<title>[^<]*<\/title>/;

const THEME_COLOURS: Record<string, [string, string]> = {
  city: ['#686EF9', '#030C37'],
  park: ['#68F99E', '#1B7F4B'],
  track: ['#FF8A5B', '#B0302C'],
  riverside: ['#5BC0FF', '#1E4FA8'],
  mountain: ['#8BC34A', '#3E5F1C'],
  beach: ['#FFD36E', '#00A6C8'],
};

/** A 1200×630 PNG per theme for previews of runs without photos (crawlers rarely accept SVG). */
export function registerThemeImages(app: FastifyInstance): void {
  const cache = new Map<string, Promise<Buffer>>();
  const Params = z.object({ theme: ThemeSchema });
  app.get('/og/themes/:file', { schema: { hide: true } }, async (request, reply) => {
    const theme = Params.safeParse({
      theme: (request.params as { file: string }).file.replace(/\.png$/, ''),
    });
    if (!theme.success) throw new NotFoundError('NOT_FOUND', 'No such theme');
    const [from, to] = THEME_COLOURS[theme.data.theme] ?? ['#686EF9', '#030C37'];
    let png = cache.get(theme.data.theme);
    if (!png) {
      png = sharp(Buffer.from(themeSvg(from, to)))
        .png()
        .toBuffer();
      cache.set(theme.data.theme, png);
    }
    return reply
      .type('image/png')
      .header('cache-control', 'public, max-age=86400')
      .send(await png);
  });
}

function themeSvg(from: string, to: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#g)"/>
  <path d="M80 520 C 300 380, 420 600, 640 430 S 980 300, 1120 140" fill="none" stroke="#fff" stroke-width="18" stroke-linecap="round" stroke-dasharray="2 40" opacity="0.9"/>
  <circle cx="80" cy="520" r="26" fill="#fff"/><circle cx="1120" cy="140" r="26" fill="#fff"/>
</svg>`;
}
