import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { courses, crews, runs } from '../db/tables.ts';
import type { Clock } from '../ports/clock.ts';

/** The sitemap protocol's limit is 50,000 URLs a file: the lists' shares of it, newest first. */
export const SITEMAP_LIMITS = { runs: 20_000, courses: 15_000, crews: 14_000 } as const;
/** Runs that ended up to this long ago stay listed (their pages still answer); older ones drop out. */
const PAST_RUNS_MS = 30 * 86_400_000;
/** One build serves every crawler for this long (a query over three tables, not per request). */
const CACHE_MS = 5 * 60_000;
/** The public pages without an id: home and the three lists. */
const STATIC_PATHS = ['/', '/runs', '/courses', '/crews'];

interface Entry {
  path: string;
  lastmod?: Date;
}

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/**
 * What a guest may read, and only that: public runs (not members-only crew runs), neither cancelled nor hidden by
 * moderation, from the last 30 days on; courses not hidden; crews neither hidden nor deleted.
 */
export async function sitemapEntries(db: Db, now: Date): Promise<Entry[]> {
  const [runRows, courseRows, crewRows] = await Promise.all([
    db
      .select({ id: runs.id, updatedAt: runs.updatedAt })
      .from(runs)
      .where(
        and(
          eq(runs.visibility, 'public'),
          isNull(runs.hiddenAt),
          isNull(runs.cancelledAt),
          gt(runs.endsAt, new Date(now.getTime() - PAST_RUNS_MS)),
        ),
      )
      .orderBy(desc(runs.startsAt))
      .limit(SITEMAP_LIMITS.runs),
    db
      .select({ id: courses.id, updatedAt: courses.updatedAt })
      .from(courses)
      .where(isNull(courses.hiddenAt))
      .orderBy(desc(courses.createdAt))
      .limit(SITEMAP_LIMITS.courses),
    db
      .select({ id: crews.id, updatedAt: crews.updatedAt })
      .from(crews)
      .where(and(isNull(crews.hiddenAt), isNull(crews.deletedAt)))
      .orderBy(desc(crews.activityScore), desc(crews.createdAt))
      .limit(SITEMAP_LIMITS.crews),
  ]);
  return [
    ...STATIC_PATHS.map((path) => ({ path })),
    ...runRows.map((r) => ({ path: `/runs/${r.id}`, lastmod: r.updatedAt })),
    ...courseRows.map((r) => ({ path: `/courses/${r.id}`, lastmod: r.updatedAt })),
    ...crewRows.map((r) => ({ path: `/crews/${r.id}`, lastmod: r.updatedAt })),
  ];
}

export function sitemapXml(entries: Entry[], publicUrl: string): string {
  const urls = entries.map(({ path, lastmod }) => {
    const mod = lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : '';
    return `<url><loc>${escapeXml(`${publicUrl}${path}`)}</loc>${mod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * `/sitemap.xml` (the public runs, courses and crews, for Naver, Google and Daum) and `/robots.txt` pointing at
 * it, both with absolute URLs from PUBLIC_URL. The sitemap is built at most once per CACHE_MS per process.
 */
export function registerSitemap(app: FastifyInstance, db: Db, publicUrl: string, clock: Clock): void {
  let cached: { xml: Promise<string>; until: number } | null = null;
  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const now = clock.now();
    if (!cached || cached.until <= now.getTime()) {
      const xml = sitemapEntries(db, now).then((entries) => sitemapXml(entries, publicUrl));
      cached = { xml, until: now.getTime() + CACHE_MS };
      // A failed build is not kept: the next crawler's request tries again.
      xml.catch(() => {
        if (cached?.xml === xml) cached = null;
      });
    }
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', `public, max-age=${CACHE_MS / 1000}`)
      .send(await cached.xml);
  });
  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        [
          'User-agent: *',
          'Allow: /',
          // The API, account pages, sign-in and chats hold nothing for a crawler.
          ...[
            '/api/',
            '/admin',
            '/me',
            '/notifications',
            '/chats',
            '/login',
            '/signup',
            '/forgot-password',
            '/reset-password',
            '/verify-email',
            '/onboarding',
            '/consent',
          ].map((path) => `Disallow: ${path}`),
          '',
          `Sitemap: ${publicUrl}/sitemap.xml`,
          '',
        ].join('\n'),
      ),
  );
}
