import type { LegalText } from './types.ts';

export const termsEn: LegalText = {
  title: 'Terms of Service',
  intro:
    'Thank you for using 이RUN 저RUN (the “Service”). These terms set out the rights, duties and responsibilities between the 이RUN 저RUN team (the “Operator”) and the members who use the Service. The Korean version prevails if the two differ.',
  sections: [
    {
      heading: 'Article 1 (Purpose)',
      paragraphs: [
        'These terms govern the group-running matching service and related features (posting and joining runs, recommended courses, comments, chat, notifications) provided by the Operator.',
      ],
    },
    {
      heading: 'Article 2 (Definitions)',
      items: [
        '“Member”: a person who agreed to these terms, signed up and uses the Service.',
        '“Group run” (“run”): a running meet-up a member posts with a date, meeting place, route, pace and number of seats.',
        '“Host”: the member who created a run; “participant”: a member who joined a run and holds a seat.',
        '“Content”: anything a member posts — runs, courses, photos, comments, chat messages, host reviews.',
        '“Good-runner score”: a trust indicator the Service computes from attendance and host reviews.',
      ],
    },
    {
      heading: 'Article 3 (Effect and changes)',
      paragraphs: [
        'These terms take effect when shown in the Service and accepted at sign-up.',
        'The Operator may change these terms within the law, announcing the change and its effective date at least 7 days ahead (30 days for changes unfavourable to members).',
        'Signed-in members are asked to accept changed terms. A member who does not accept may be limited in using the Service (posting, joining) and may leave at any time.',
      ],
    },
    {
      heading: 'Article 4 (Sign-up)',
      paragraphs: [
        'Members sign up with an email address and password, or with a Kakao or Naver account. Children under 14 may not sign up.',
        'Sign-ups using another person’s email or false information may be refused or restricted.',
      ],
    },
    {
      heading: 'Article 5 (Members’ duties)',
      items: [
        'Keep your account credentials safe and never share them.',
        'When you join a run, keep the time and place; if you cannot come, leave the run before it starts.',
        'Respect other members: no abuse, hate, sexual harassment, stalking, fraud, advertising or spam.',
        'Do not post or collect other people’s personal information without their consent.',
        'Do not post photos or text that infringe others’ rights.',
        'Do not use the Service by automated means at scale, bypass its security or disrupt its operation.',
      ],
    },
    {
      heading: 'Article 6 (Runs and safety)',
      paragraphs: [
        'The Service helps members find and organise runs together. Each run is planned and led by its host and participants; the Operator does not organise or lead runs.',
        'Running is physical activity: take part according to your health and fitness, check the weather and route, and wear visible clothing at night.',
        'Hosts announce the meeting place, route and any change accurately, and take good care of bags they agree to keep.',
        'Unless it acted intentionally or with gross negligence, the Operator is not liable for accidents, losses or disputes between members during runs, but it will cooperate within reason to resolve reports.',
      ],
    },
    {
      heading: 'Article 7 (Attendance, reviews and the good-runner score)',
      paragraphs: [
        'Hosts may record attendance from 30 minutes before the start until 48 hours after the end; participants marked present may review the host once within 7 days of the end.',
        'The score starts at 50 km, rises 1 km per attendance, falls 1 km per no-show and moves 1 km per host review (bounded 0–100 km). Manipulating it may lead to restrictions.',
      ],
    },
    {
      heading: 'Article 8 (Content)',
      paragraphs: [
        'Members own the copyright in their content and allow the Operator to use it as needed to show and share it within the Service (copying, displaying, search, preview images).',
        'Content that breaks the law or these terms, or that is reported as infringing others’ rights, may be hidden or removed without notice.',
        'After a member leaves, comments, courses, host reviews, past run records and chat messages remain, shown as by “Deleted user”, so that conversations stay whole. Delete what you want removed before leaving.',
      ],
    },
    {
      heading: 'Article 9 (Provision of the Service)',
      paragraphs: [
        'The Service runs around the clock in principle; it may pause for maintenance, failures or force majeure, announced in advance where possible.',
        'The Service is free of charge. The Operator may change or end parts of it, announcing important changes in advance.',
      ],
    },
    {
      heading: 'Article 10 (Notices and marketing)',
      paragraphs: [
        'The Operator sends notices needed to use the Service (run changes and cancellations, waitlist, reminders, account security) in the app, by web push, email or text message.',
        'News and offers are sent only to members who agreed to receive them, only by the channels agreed (email, text), and can be declined at any time in settings.',
      ],
    },
    {
      heading: 'Article 11 (Restrictions and leaving)',
      paragraphs: [
        'Members who break these terms or the law may be warned, have content removed, or be suspended for a time or permanently. Objections can be sent to our support contact.',
        'Members may delete their account in settings at any time. Their future hosted runs are cancelled, they leave runs they joined, and their personal information is destroyed as the Privacy Policy describes.',
      ],
    },
    {
      heading: 'Article 12 (Limitation of liability)',
      paragraphs: [
        'The Operator is not liable for damage caused by force majeure, by the member, or by dealings and disputes between members or with third parties, except where caused by the Operator’s intent or gross negligence.',
        'Members are responsible for the accuracy of the content they post.',
      ],
    },
    {
      heading: 'Article 13 (Governing law)',
      paragraphs: [
        'These terms are governed by the laws of the Republic of Korea. Disputes are first settled in good faith, otherwise before the competent court under the Civil Procedure Act.',
      ],
    },
    {
      heading: 'Addendum',
      paragraphs: ['These terms take effect on 6 December 2026.'],
    },
  ],
};
