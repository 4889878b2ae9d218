import type { ComponentProps, ReactNode } from 'react';
import { Avatar } from '../avatar.tsx';
import styles from './person-card.module.css';

interface PersonCardProps {
  person: { avatar: ComponentProps<typeof Avatar>['image']; nickname: string; bio: string | null };
  /** What the person is to this page (크루장, 추천한 사람). */
  role: string;
  /** The name as shown: plain text or a link to the profile. */
  name: ReactNode;
  /** The `<li>` facts under the name. */
  stats: ReactNode;
}

/** The person behind a detail page — a run's host, a course's author — with their facts. */
export function PersonCard({ person, role, name, stats }: PersonCardProps) {
  return (
    <div className={styles.card}>
      <Avatar image={person.avatar} name={person.nickname} size="md" />
      <div className={styles.info}>
        <p className={styles.role}>{role}</p>
        <p className={styles.name}>{name}</p>
        {person.bio && <p className={styles.bio}>{person.bio}</p>}
        <ul className={styles.stats}>{stats}</ul>
      </div>
    </div>
  );
}
