import { describe, expect, it } from 'vitest';
import { courseFixture } from '../../../test/fixtures.ts';
import { changedCourseFields, courseFormSchema, courseToFormValues, toCoursePayload } from './course-form.ts';

describe('course form ⇄ payload', () => {
  it('edits a course sending what changed (and the description, which PATCH would otherwise reset)', () => {
    const course = courseFixture();
    const values = courseToFormValues(course);
    // The start point is the route's first point here: no pin of its own, only the name.
    expect(values).toMatchObject({
      startName: '반포한강공원 달빛광장',
      startPin: null,
      paceMin: '6',
      paceSec: '0',
    });
    const before = toCoursePayload(values);
    const after = courseFormSchema().parse({ ...values, title: '반포 달빛 10K', water: '편의점' });
    expect(changedCourseFields(before, after)).toEqual({
      title: '반포 달빛 10K',
      water: '편의점',
      description: course.description,
    });
  });

  it('sends no start point without a name, and asks for one when the pin was moved', () => {
    const values = { ...courseToFormValues(courseFixture()), startName: '' };
    expect(toCoursePayload(values).startPoint).toBeNull();
    const moved = courseFormSchema().safeParse({ ...values, startPin: [37.52, 126.95] });
    expect(moved.success).toBe(false);
    expect(moved.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['startName', 'startPoint.required'],
    ]);
  });

  it('refuses pace seconds above 59 on the pace field', () => {
    const values = { ...courseToFormValues(courseFixture()), paceMin: '5', paceSec: '75' };
    const result = courseFormSchema().safeParse(values);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual([
      'paceMin',
      'pace.seconds',
    ]);
  });
});
