import type { Me } from '@erun/contracts';

export function meFixture(overrides: Partial<Me> = {}): Me {
  return {
    id: '7f1c0a52-3b8e-4c41-9a0e-0d6c2b5e9f10',
    email: 'runner@example.com',
    nickname: '달리는곰',
    bio: '',
    runningLevel: null,
    avatar: null,
    goodRunnerScore: 50,
    preferredRegions: [],
    preferredDistance: null,
    onboarded: false,
    hasPassword: true,
    providers: [],
    createdAt: '2025-03-02T09:00:00.000+09:00',
    ...overrides,
  };
}

export const onboardedMe = (overrides: Partial<Me> = {}): Me =>
  meFixture({ runningLevel: '5to10', preferredRegions: ['seoul'], onboarded: true, ...overrides });
