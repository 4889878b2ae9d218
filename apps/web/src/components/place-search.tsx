import { PLACE_QUERY_MAX, type Place } from '@erun/contracts';
import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx.ts';
import { usePlaceSearch } from '../lib/places.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import fieldStyles from './field.module.css';
import styles from './place-search.module.css';
import { useRoomBelow } from './use-room-below.ts';
import hidden from './visually-hidden.module.css';

/** How long typing pauses before a search goes out. */
export const PLACE_SEARCH_DEBOUNCE_MS = 250;
/** At least two suggestions show without scrolling the list (each one a 44 px touch target). */
const LEAST_ROOM = 2 * 56;

interface PlaceSearchProps {
  label: string;
  hint?: string;
  placeholder?: string;
  /** A place was chosen from the suggestions (click, tap or Enter). */
  onPick: (place: Place) => void;
  className?: string;
}

/**
 * A place search with suggestions, as an ARIA 1.2 combobox: typing (debounced) lists matching places, arrow
 * keys move through them, Enter picks one, Escape closes the list (a second Escape clears the words).
 * Loading, no results and a failed search are said in the list and to screen readers.
 */
export function PlaceSearch({ label, hint, placeholder, onPick, className }: PlaceSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<string | null>(null);
  const words = useDebouncedValue(text.trim(), PLACE_SEARCH_DEBOUNCE_MS);
  const search = usePlaceSearch(open ? words : '');
  const typing = text.trim() !== words;
  // While the next search runs, the last suggestions stay (dimmed, the list busy) rather than flicker away.
  const places = words === '' ? [] : (search.data ?? []);
  const stale = typing || search.isPlaceholderData;
  const expanded = open && text.trim() !== '';
  const status: 'loading' | 'error' | 'empty' | 'found' =
    search.isError && !typing
      ? 'error'
      : (search.isFetching || typing) && places.length === 0
        ? 'loading'
        : places.length === 0
          ? 'empty'
          : 'found';

  const pick = (place: Place) => {
    setText(place.name);
    setPicked(place.name);
    setOpen(false);
    setActive(-1);
    onPick(place);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) setOpen(true);
        if (places.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current) =>
          current === -1 && step === -1
            ? places.length - 1
            : (current + step + places.length) % places.length,
        );
        return;
      }
      case 'Enter': {
        // Never submits the form around it: Enter here picks, or does nothing.
        event.preventDefault();
        // The one suggestion is picked only when it belongs to the words on screen.
        const place = places[active] ?? (!stale && places.length === 1 ? places[0] : undefined);
        if (expanded && place) pick(place);
        return;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text !== '') {
          event.preventDefault();
          setText('');
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  };

  /** What screen readers hear: how many places were found, that none were, or where the pin went. */
  const announcement = (): string => {
    if (!expanded) return picked ? t('placeSearch.moved', { name: picked }) : '';
    if (typing || status === 'loading') return '';
    return status === 'found' ? t('placeSearch.count', { count: places.length }) : t(`placeSearch.${status}`);
  };

  const activeId = expanded && active >= 0 && active < places.length ? `${id}-option-${active}` : undefined;
  const box = useRef<HTMLDivElement>(null);
  // On phones the list ends above the bottom tab bar, scrolling inside rather than passing under it.
  const room = useRoomBelow(box, expanded, LEAST_ROOM);
  return (
    <div className={cx(fieldStyles.field, styles.field, className)}>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      <div className={styles.box} ref={box}>
        <input
          id={id}
          type="search"
          role="combobox"
          autoComplete="off"
          enterKeyHint="search"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={cx(fieldStyles.control, styles.input)}
          placeholder={placeholder}
          maxLength={PLACE_QUERY_MAX}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPicked(null);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <div
          className={styles.popup}
          hidden={!expanded}
          style={room === null ? undefined : ({ '--room': `${room}px` } as CSSProperties)}
        >
          <ul
            id={listId}
            role="listbox"
            aria-label={label}
            aria-busy={expanded && stale}
            className={cx(styles.list, stale && styles.stale)}
          >
            {expanded &&
              places.map((place, index) => (
                <li
                  key={`${place.name}|${place.lat}|${place.lng}`}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={cx(styles.option, index === active && styles.active)}
                  // Keeps the focus in the field, so the blur does not close the list before the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(place)}
                  onMouseMove={() => setActive(index)}
                >
                  <span className={styles.name}>{place.name}</span>
                  <span className={styles.meta}>{place.address ?? t(`region.${place.region}`)}</span>
                </li>
              ))}
          </ul>
          {expanded && status !== 'found' && (
            <p className={cx(styles.message, status === 'error' && styles.error)}>
              {t(`placeSearch.${status}`)}
            </p>
          )}
        </div>
      </div>
      {hint && (
        <p id={`${id}-hint`} className={fieldStyles.hint}>
          {hint}
        </p>
      )}
      <p className={hidden.srOnly} role="status" aria-live="polite">
        {announcement()}
      </p>
    </div>
  );
}
