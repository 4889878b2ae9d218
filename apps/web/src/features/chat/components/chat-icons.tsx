import type { SVGProps } from 'react';

const base = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  focusable: 'false',
} as const;

/** A bell: the chat's message alerts are on. */
export function BellIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg width="20" height="20" {...base} {...props}>
      <path d="M6 9a6 6 0 0 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9z" />
      <path d="M10 19.5a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** A bell struck through: a muted chat. */
export function BellOffIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg width="16" height="16" {...base} {...props}>
      <path d="M6 9a6 6 0 0 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9z" />
      <path d="M10 19.5a2 2 0 0 0 4 0" />
      <path d="M3 3l18 18" />
    </svg>
  );
}
