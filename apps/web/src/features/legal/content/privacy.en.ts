import type { LegalText } from './types.ts';

export const privacyEn: LegalText = {
  title: 'Privacy Policy',
  intro:
    'The 이RUN 저RUN team (the “Operator”) processes members’ personal information as described below, in line with the Personal Information Protection Act of Korea. We collect only what we need and destroy it without delay once its purpose ends. The Korean version prevails if the two differ.',
  sections: [
    {
      heading: '1. What we collect and why',
      table: {
        caption: 'Items, purposes and retention',
        head: ['Category', 'Items', 'Purpose', 'Kept'],
        rows: [
          [
            'Sign-up (required)',
            'Email, password (one-way hashed), nickname / for Kakao or Naver: that service’s member id and nickname',
            'Identifying you, signing in, protecting and recovering the account',
            'Until you delete the account',
          ],
          [
            'Profile (optional)',
            'Photo, bio, running level, preferred regions and distance',
            'Showing your profile, suggesting runs that suit you',
            'Until you delete the account (or remove them)',
          ],
          [
            'Phone number (optional)',
            'Phone number (stored encrypted), verification time, consent to text alerts',
            'Verification, text alerts, password reset by phone',
            'Until you remove the number or delete the account',
          ],
          [
            'Runs',
            'Meeting places (coordinates) and routes of the runs you host, times, pace / joins and waitlist, attendance, host reviews, good-runner score',
            'Posting and joining runs, attendance, reviews and score, your history and stats',
            'Until you delete the account (past runs: see 4)',
          ],
          [
            'Courses and photos',
            'Course routes, photos, ratings, bookmarks',
            'Sharing and finding courses',
            'Until you delete the account (photo metadata such as GPS is removed on upload)',
          ],
          [
            'Comments and chat',
            'Comments on runs and courses, run chat messages',
            'Questions and conversation between participants',
            'Remain as “Deleted user” after you leave (see 4)',
          ],
          [
            'Notifications',
            'Notifications, preferences, web push subscriptions (the address and keys your browser issued), calendar feed address',
            'Delivering run changes, reminders and other alerts',
            'Until you delete the account (a push subscription: until you unsubscribe)',
          ],
          [
            'Sign-in sessions',
            'IP address, browser and device (user agent), first and last use',
            'Keeping you signed in, new-device alerts, preventing abuse',
            'Until you sign out or 30 days after last use',
          ],
          [
            'Consents',
            'Versions of the terms and policy accepted, age 14+ confirmation, marketing choices, each with its time',
            'Proof of consent, asking again when a text changes',
            'Until you delete the account',
          ],
          [
            'Collected automatically',
            'Access logs (IP address, time, requested address)',
            'Handling failures, investigating security incidents',
            '3 months',
          ],
        ],
      },
    },
    {
      heading: '2. Location',
      paragraphs: [
        'Meeting places and routes of runs and courses are locations you choose on the map; they are published with the run or course so others can find it.',
        'When you search “near me”, your device’s position is used for that search only and is not stored. We never track your position while you run.',
      ],
    },
    {
      heading: '3. Sharing and processors',
      paragraphs: [
        'We do not give your personal information to third parties without your consent or a legal basis. When you join a run, its host and participants see your nickname, photo and good-runner score.',
        'We may entrust these tasks to processors, passing only what is needed and supervising them:',
      ],
      items: [
        'Text messages: an SMS provider (e.g. NAVER Cloud SENS) — phone number, message',
        'Email: an email (SMTP) provider — email address, message',
        'Web push: your browser vendor’s push service — subscription, notification',
        'Social sign-in: Kakao, Naver — sign-in request and member id',
        'Maps: the map tile provider (e.g. OpenStreetMap) — your browser’s IP address when tiles load',
      ],
    },
    {
      heading: '4. When you delete your account',
      paragraphs: [
        'We destroy without delay: email, password, nickname, bio, profile photo, phone number, social sign-in links, bookmarks, badges, notifications and preferences, push subscriptions, calendar feed address, sign-in sessions and consent records.',
        'Your future hosted runs are cancelled and you leave future runs you joined or wait for.',
        'So that others’ conversations and records stay whole, your comments, courses, host reviews, past run records and chat messages remain, shown as by “Deleted user”, which identifies no one. Delete what you want removed before leaving.',
        'Files are erased irrecoverably; uploads nothing refers to are removed after 24 hours.',
      ],
    },
    {
      heading: '5. Your rights',
      items: [
        'Access: “Download my data” in settings gives everything we hold about you (profile, runs, joins, attendance, reviews, comments, courses, bookmarks, notifications, chat, badges, sessions, consents) as a JSON file.',
        'Correction: edit your profile and phone number in settings.',
        'Deletion: delete your content yourself, or delete the account in settings.',
        'Withdrawing consent: decline news and offers any time under “News and offers” in settings; to withdraw a required consent, delete the account.',
        'For anything else, contact the privacy officer below; we answer within 10 days.',
      ],
    },
    {
      heading: '6. Children',
      paragraphs: [
        'Only people aged 14 or older may sign up. If we learn we hold a younger child’s information, we destroy it without delay.',
      ],
    },
    {
      heading: '7. Security',
      items: [
        'Passwords are hashed one-way (argon2id); phone numbers are encrypted (AES-256-GCM).',
        'All traffic uses HTTPS; access tokens last 15 minutes and the sign-in cookie cannot be read by scripts.',
        'Photo metadata such as the GPS position is removed.',
        'Access to personal information is limited to those who need it.',
      ],
    },
    {
      heading: '8. Cookies',
      paragraphs: [
        'We use one httpOnly cookie to keep you signed in and a short-lived one during social sign-in — no advertising or tracking cookies.',
      ],
    },
    {
      heading: '9. Privacy officer',
      paragraphs: [
        'Privacy officer: the 이RUN 저RUN team (privacy@erun.example)',
        'You may also contact the Personal Information Infringement Report Center (privacy.kisa.or.kr, 118) or the Personal Information Dispute Mediation Committee (www.kopico.go.kr).',
      ],
    },
    {
      heading: '10. Changes',
      paragraphs: [
        'Changes are announced at least 7 days ahead, and signed-in members are asked to accept them. This policy takes effect on 6 December 2026.',
      ],
    },
  ],
};
