import { z } from 'zod';
import { searchKey } from './text.ts';
import { WEEKDAYS } from './weekdays.ts';

/**
 * The words crews, series and crew runs share (DOMAIN.md "Crews" and "Series"): roles, join policies, the
 * days of the week and run visibility. Each feature's own schemas live in its own file.
 */
export const CREW_ROLES = ['owner', 'staff', 'member'] as const;
export const CrewRoleSchema = z.enum(CREW_ROLES);
export type CrewRole = z.infer<typeof CrewRoleSchema>;

export const JOIN_POLICIES = ['open', 'approval', 'invite'] as const;
export const JoinPolicySchema = z.enum(JOIN_POLICIES);
export type JoinPolicy = z.infer<typeof JoinPolicySchema>;

export const WeekdaySchema = z.enum(WEEKDAYS, { message: 'day.invalid' });
export type Weekday = z.infer<typeof WeekdaySchema>;

/** "19:30": a local time of day (Asia/Seoul), 24-hour. */
export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time.invalid' });

/** Who sees and may join a run: anyone, or the members of its crew only. */
export const RUN_VISIBILITIES = ['public', 'crew'] as const;
export const RunVisibilitySchema = z.enum(RUN_VISIBILITIES);
export type RunVisibility = z.infer<typeof RunVisibilitySchema>;

export const CREW_LIMITS = {
  nameMin: 2,
  nameMax: 30,
  descriptionMax: 2000,
  levelMax: 30,
  regionsMax: 3,
  questionsMax: 3,
  questionMax: 100,
  answerMax: 300,
  autoMemberMin: 1,
  autoMemberMax: 20,
  announcementTitleMax: 60,
  announcementContentMax: 3000,
  reasonMax: 200,
  cohostsMax: 5,
} as const;

/** A crew name's identity: names are unique ignoring case and spaces ("Run Seoul" = "runseoul"). */
export function crewNameKey(name: string): string {
  return searchKey(name);
}
