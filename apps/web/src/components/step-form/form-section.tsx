import { useId, type ReactNode } from 'react';
import styles from './step-form.module.css';

/** One step's section: its heading (naming the section), an optional help line, then the fields. */
export function FormSection({
  title,
  help,
  children,
}: {
  title: string;
  help?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.heading}>
          {title}
        </h2>
        {help !== undefined && <p className={styles.help}>{help}</p>}
      </div>
      {children}
    </section>
  );
}

/** The last step of a post: the photos field (plugged in by the page), then the card as the list will show it. */
export function PhotosSection({
  title,
  help,
  previewTitle,
  preview,
  children,
}: {
  title: string;
  help: string;
  previewTitle: string;
  preview: ReactNode;
  children: ReactNode;
}) {
  return (
    <FormSection title={title} help={help}>
      {children}
      <div className={styles.preview}>
        <h3 className={styles.subheading}>{previewTitle}</h3>
        <div className={styles.previewCard}>{preview}</div>
      </div>
    </FormSection>
  );
}
