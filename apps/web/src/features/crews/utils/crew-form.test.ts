import { describe, expect, it } from 'vitest';
import {
  changedCrewFields,
  crewFormSchema,
  EMPTY_CREW_FORM,
  nameCheck,
  toCrewPayload,
  type CrewFormValues,
} from './crew-form.ts';

const valid: CrewFormValues = {
  ...EMPTY_CREW_FORM,
  name: '반포 달빛러너스',
  regions: ['seoul'],
  spot: [37.5104, 126.9961],
  spotName: '반포한강공원 달빛광장',
  days: ['TH', 'TU'],
  time: '19:30',
  fastMin: '5',
  fastSec: '30',
  slowMin: '7',
  slowSec: '0',
  joinPolicy: 'approval',
  questions: ['러닝 경력은?', '', ''],
};

const messages = (values: CrewFormValues) => {
  const result = crewFormSchema().safeParse(values);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('crew form', () => {
  it('turns valid values into the create body: pace range in seconds, empty questions left out', () => {
    const result = crewFormSchema().safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      name: '반포 달빛러너스',
      homeSpot: { name: '반포한강공원 달빛광장', lat: 37.5104, lng: 126.9961 },
      paceRange: { min: 330, max: 420 },
      questions: ['러닝 경력은?'],
      autoMemberAfter: null,
      logoId: null,
    });
  });

  it('checks the name live for 2–30 characters', () => {
    expect(nameCheck(' a ')).toEqual({ length: 1, ok: false });
    expect(nameCheck('런크')).toEqual({ length: 2, ok: true });
    expect(nameCheck('ㄱ'.repeat(31)).ok).toBe(false);
    expect(messages({ ...valid, name: 'a' })).toMatchObject({ name: 'crew.name.tooShort' });
    expect(messages({ ...valid, name: 'ㄱ'.repeat(31) })).toMatchObject({ name: 'crew.name.tooLong' });
  });

  it('asks for a region, a pin with a name, a whole and ordered pace range, and N within 1–20', () => {
    expect(messages({ ...valid, regions: [] })).toMatchObject({ regions: 'crew.regions.required' });
    expect(messages({ ...valid, spot: null })).toEqual({ spotName: 'crew.homeSpot.pin' });
    expect(messages({ ...valid, spotName: '' })).toMatchObject({ spotName: 'crew.place.required' });
    expect(messages({ ...valid, slowMin: '', slowSec: '' })).toMatchObject({
      fastMin: 'crew.paceRange.incomplete',
    });
    expect(messages({ ...valid, fastMin: '8' })).toMatchObject({ fastMin: 'crew.paceRange.order' });
    expect(messages({ ...valid, autoMember: '21' })).toMatchObject({
      autoMember: 'crew.autoMemberAfter.range',
    });
    expect(messages({ ...valid, autoMember: '3' })).toEqual({});
  });

  it('drops the questions of a crew that does not ask, and sends only what changed', () => {
    expect(toCrewPayload({ ...valid, joinPolicy: 'open' }).questions).toEqual([]);
    const before = toCrewPayload(valid);
    const after = crewFormSchema().parse({ ...valid, level: '초보 환영' });
    expect(changedCrewFields(before, after)).toEqual({ level: '초보 환영' });
  });

  it('refuses pace seconds above 59 instead of carrying them over', () => {
    expect(messages({ ...valid, fastSec: '75' })).toMatchObject({ fastMin: 'crew.pace.seconds' });
    expect(messages({ ...valid, slowSec: '60' })).toMatchObject({ fastMin: 'crew.pace.seconds' });
  });
});
