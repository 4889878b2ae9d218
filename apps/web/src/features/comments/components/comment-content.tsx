import { useTranslation } from 'react-i18next';
import { linkify } from '../../../lib/linkify.ts';
import styles from './comments.module.css';

/**
 * A comment's text as React nodes, never as HTML: markup shows as typed, line breaks are kept by CSS, and only
 * http(s) addresses become links, which open in a new tab without passing on this page or its ranking.
 */
export function CommentContent({ content }: { content: string }) {
  const { t } = useTranslation();
  return (
    <p className={styles.content}>
      {linkify(content).map((segment, index) =>
        segment.kind === 'link' ? (
          <a
            key={index}
            href={segment.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className={styles.link}
          >
            {segment.text}
            <span className={styles.srOnly}> {t('common.newWindow')}</span>
          </a>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
