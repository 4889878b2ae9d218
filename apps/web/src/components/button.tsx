import type { ButtonHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cx } from '../lib/cx.ts';
import styles from './button.module.css';

interface StyleProps {
  variant?: 'primary' | 'secondary' | 'outline' | 'ghost';
  size?: 'sm' | 'md' | 'lg';
  block?: boolean;
}

function buttonClass({ variant = 'primary', size = 'md', block = false }: StyleProps, className?: string) {
  return cx(styles.button, styles[variant], styles[size], block && styles.block, className);
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & StyleProps & { pending?: boolean };

/** A button; `pending` disables it and shows a spinner while its action runs. */
export function Button({
  variant,
  size,
  block,
  pending = false,
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type="button"
      className={buttonClass({ variant, size, block }, className)}
      disabled={disabled === true || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending && <span className={styles.spinner} aria-hidden="true" />}
      {children}
    </button>
  );
}

/** A link that looks like a button. */
export function ButtonLink({ variant, size, block, className, ...rest }: LinkProps & StyleProps) {
  return <Link className={buttonClass({ variant, size, block }, className)} {...rest} />;
}
