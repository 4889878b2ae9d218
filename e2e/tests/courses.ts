import type { APIRequestContext } from '@playwright/test';
import { expect, type TestUser } from './fixtures.ts';
import { makePng } from './png.ts';
import { uploadPhotoViaApi } from './runs.ts';

// Shared by the courses journeys: courses and ratings made through the API.

type LatLng = [number, number];

/** Along the Jungnangcheon near Seoul Forest. */
const JUNGNANGCHEON: LatLng[] = [
  [37.5482, 127.0486],
  [37.5468, 127.0519],
  [37.5449, 127.0551],
  [37.5431, 127.0582],
];

export interface CourseInput {
  title: string;
  region: string;
  theme: string;
  route?: LatLng[];
}

/** A course posted through the API, with one photo (a course needs at least one). */
export async function createCourseViaApi(request: APIRequestContext, author: TestUser, input: CourseInput) {
  const photo = await uploadPhotoViaApi(request, author, makePng(200));
  const response = await request.post('/api/courses', {
    headers: { authorization: `Bearer ${author.accessToken}` },
    data: {
      title: input.title,
      region: input.region,
      theme: input.theme,
      route: input.route ?? JUNGNANGCHEON,
      photoIds: [photo.id],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; title: string };
}

export async function rateCourseViaApi(
  request: APIRequestContext,
  rater: TestUser,
  courseId: string,
  stars: number,
) {
  const response = await request.put(`/api/courses/${courseId}/rating`, {
    headers: { authorization: `Bearer ${rater.accessToken}` },
    data: { stars },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export interface StoredNotification {
  category: string;
  link: string;
  actor: { nickname: string } | null;
  data: Record<string, string | number | null>;
}

/** The user's stored notifications, newest first, as the API keeps them. */
export async function notificationsOf(request: APIRequestContext, user: TestUser) {
  const response = await request.get('/api/notifications', {
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: StoredNotification[] }).items;
}
