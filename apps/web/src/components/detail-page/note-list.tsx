import styles from './note-list.module.css';

interface NoteListProps {
  /** Label and value pairs; a missing value shows `none`. */
  notes: readonly (readonly [label: string, value: string | null])[];
  none: string;
  /** Grey out the values that were left empty. */
  muteMissing?: boolean;
}

/** The practical notes of a run or a course (parking, bags, …) as a label/value list. */
export function NoteList({ notes, none, muteMissing = false }: NoteListProps) {
  return (
    <dl className={styles.notes}>
      {notes.map(([label, value]) => (
        <div key={label} className={styles.note}>
          <dt>{label}</dt>
          <dd className={muteMissing && !value ? styles.missing : undefined}>{value ?? none}</dd>
        </div>
      ))}
    </dl>
  );
}
