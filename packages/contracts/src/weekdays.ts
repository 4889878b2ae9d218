// No zod in this file: the web app's entry imports it, and the schemas stay out of its first load.

/** iCalendar day codes, Monday first (the order every list of days is shown in). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
