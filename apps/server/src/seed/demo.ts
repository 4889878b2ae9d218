import type { Logger } from 'pino';
import type { Services } from '../app.ts';
import { ConflictError } from '../lib/errors.ts';

/** Demo accounts for trying the app locally (embedded mode only; README lists them). */
export const DEMO_USERS = [
  {
    email: 'demo@erun.run',
    password: 'runrun2026!',
    nickname: '한강러너',
    runningLevel: '10to15',
    regions: ['seoul'],
  },
  {
    email: 'crew@erun.run',
    password: 'runrun2026!',
    nickname: '부산갈매기',
    runningLevel: 'lt5',
    regions: ['busan'],
  },
] as const;

export async function seedDemoData(services: Services, log: Logger): Promise<void> {
  let created = 0;
  for (const demo of DEMO_USERS) {
    try {
      const { user } = await services.auth.signup(demo);
      await services.users.updateMe(user.id, {
        runningLevel: demo.runningLevel,
        preferredRegions: [...demo.regions],
        bio: '이RUN 저RUN 데모 계정입니다.',
      });
      created += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  if (created > 0) log.info({ accounts: DEMO_USERS.map((u) => u.email) }, 'demo data created');
}
