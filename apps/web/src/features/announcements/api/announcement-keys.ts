/** Cache keys of crew announcements and the crew calendar feed, all under `['announcements']`. */
export const announcementKeys = {
  all: ['announcements'] as const,
  list: (crewId: string) => [...announcementKeys.all, 'list', crewId] as const,
  one: (announcementId: string) => [...announcementKeys.all, 'one', announcementId] as const,
  feed: (crewId: string) => [...announcementKeys.all, 'feed', crewId] as const,
};
