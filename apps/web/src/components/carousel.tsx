import {
  Children,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx.ts';
import { ChevronLeftIcon, ChevronRightIcon } from './icons.tsx';
import styles from './carousel.module.css';

interface CarouselProps {
  /** Names the carousel for screen readers. */
  label: string;
  children: ReactNode;
  /** `slides`: one slide per view with dots; `row`: cards side by side, scrolled a page at a time. */
  variant?: 'slides' | 'row';
  /** Advance by itself every N ms (slides only); pauses on hover and focus, and for reduced motion. */
  autoAdvanceMs?: number;
  className?: string;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** Native horizontal scrolling with scroll snap (swipe works as is), plus buttons, dots and arrow keys. */
export function Carousel({ label, children, variant = 'slides', autoAdvanceMs, className }: CarouselProps) {
  const { t } = useTranslation();
  const slides = Children.toArray(children);
  const count = slides.length;
  const scroller = useRef<HTMLUListElement>(null);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const [atEnd, setAtEnd] = useState(count <= 1);

  const goTo = useCallback(
    (next: number) => {
      const el = scroller.current;
      if (!el) return;
      const target = (next + count) % count;
      const slide = el.children[target];
      setIndex(target);
      if (slide instanceof HTMLElement && typeof el.scrollTo === 'function')
        el.scrollTo({ left: slide.offsetLeft - el.offsetLeft, behavior: 'smooth' });
    },
    [count],
  );

  const page = (direction: 1 | -1) => {
    const el = scroller.current;
    if (variant === 'slides' || !el) return goTo(index + direction);
    if (typeof el.scrollBy === 'function')
      el.scrollBy({ left: direction * el.clientWidth * 0.9, behavior: 'smooth' });
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el || el.clientWidth === 0) return;
    const first = el.children[0];
    const width = first instanceof HTMLElement ? first.offsetWidth : el.clientWidth;
    setIndex(Math.round(el.scrollLeft / Math.max(1, width)));
    setAtEnd(el.scrollLeft + el.clientWidth >= el.scrollWidth - 4);
  };

  const auto = variant === 'slides' && autoAdvanceMs !== undefined && count > 1 && !paused;
  useEffect(() => {
    if (!auto || prefersReducedMotion()) return;
    const timer = window.setInterval(() => goTo(index + 1), autoAdvanceMs);
    return () => window.clearInterval(timer);
  }, [auto, autoAdvanceMs, goTo, index]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') page(1);
    else if (event.key === 'ArrowLeft') page(-1);
    else return;
    event.preventDefault();
  };

  // A group, not a region: a carousel sits inside a section named like it, and two regions of one name are one
  // landmark too many (axe: landmark-unique).
  return (
    <div
      role="group"
      className={cx(styles.carousel, styles[variant], className)}
      aria-roledescription={t('carousel.role')}
      aria-label={label}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setPaused(false);
      }}
    >
      <ul ref={scroller} className={styles.track} onScroll={onScroll} onKeyDown={onKeyDown} tabIndex={0}>
        {slides.map((slide, i) => (
          // The slide's group sits inside the item: a role on the <li> itself would break the list (axe: list).
          <li key={i} className={styles.slide}>
            <div
              className={styles.slideGroup}
              role="group"
              aria-roledescription={t('carousel.slide')}
              aria-label={t('carousel.position', { current: i + 1, total: count })}
            >
              {slide}
            </div>
          </li>
        ))}
      </ul>
      {count > 1 && (
        <div className={styles.controls}>
          <button
            type="button"
            className={styles.arrow}
            onClick={() => page(-1)}
            aria-label={t('carousel.previous')}
            disabled={variant === 'row' && index === 0}
          >
            <ChevronLeftIcon width={20} height={20} />
          </button>
          {variant === 'slides' && (
            <div className={styles.dots}>
              {slides.map((_, i) => (
                <button
                  key={i}
                  type="button"
                  className={cx(styles.dot, i === index && styles.current)}
                  aria-label={t('carousel.goTo', { n: i + 1 })}
                  aria-current={i === index || undefined}
                  onClick={() => goTo(i)}
                />
              ))}
            </div>
          )}
          <button
            type="button"
            className={styles.arrow}
            onClick={() => page(1)}
            aria-label={t('carousel.next')}
            disabled={variant === 'row' && atEnd}
          >
            <ChevronRightIcon width={20} height={20} />
          </button>
        </div>
      )}
    </div>
  );
}

/** A row carousel's placeholder while its cards load: the card skeletons in the row's columns. */
export function CarouselRowSkeleton({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.rowFrame} role="status" aria-busy="true" aria-label={label}>
      <div className={styles.skeletons}>{children}</div>
    </div>
  );
}
