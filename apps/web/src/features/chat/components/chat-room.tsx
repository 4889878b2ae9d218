import { CHAT_MESSAGE_MAX, type ChatAuthor, type ChatMessage } from '@erun/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Folded } from '../../../components/folded.tsx';
import { Avatar } from '../../../components/avatar.tsx';
import {
  AlertIcon,
  ArrowDownIcon,
  ArrowUpIcon,
  ChevronLeftIcon,
  PinIcon,
} from '../../../components/icons.tsx';
import { BellIcon, BellOffIcon } from './chat-icons.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { cx } from '../../../lib/cx.ts';
import { formatLongDate, formatTime } from '../../../lib/datetime.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { linkify } from '../../../lib/linkify.ts';
import { chatKeys } from '../api/chat-keys.ts';
import { ownerPath, type ChatRef } from '../api/chat-ref.ts';
import { useChatMembers } from '../api/get-chats.ts';
import { useMessages, withMessage, withMuted, withPinned, type ChatPages } from '../api/get-messages.ts';
import { markRead, sendMessage, setMuted, setPinned } from '../api/send-message.ts';
import { activeMention, mentionSegments } from '../utils/mentions.ts';
import { useChatSocket } from '../hooks/use-chat-socket.ts';
import { useRestricted } from '../../../lib/use-restricted.ts';
import { timelineOf } from '../utils/timeline.ts';
import styles from './chat.module.css';

interface Pending {
  key: string;
  content: string;
  state: 'sending' | 'failed';
  error?: Message;
}

interface ChatRoomProps {
  chat: ChatRef;
  title: string;
  meId: string;
  /** The run's host (tagged in the chat); null for crews. */
  hostId: string | null;
  /** "신고하기" in others' messages' menu (the reports feature's dialog, opened by the route). */
  onReport?: (message: ChatMessage) => void;
}

const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 160;
const COUNTER_FROM = CHAT_MESSAGE_MAX - 100;

/**
 * A run's or crew's group chat once the history has loaded: the pinned notice, messages, live updates, the
 * composer with @mention suggestions, and the mute switch.
 */
export function ChatRoom({ chat, title, meId, hostId, onReport }: ChatRoomProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const history = useMessages(chat);
  const restricted = useRestricted();
  const cacheKey = chatKeys.messages(chat.id);
  const members = useChatMembers(chat, true).data?.items;
  const memberNames = useMemo(() => new Set((members ?? []).map((m) => m.nickname)), [members]);
  const pages = history.data?.pages;
  const first = pages?.[0];
  // The read marker as it was when the chat opened: the unread line stays put while reading.
  const [lastReadAt] = useState(() => first?.lastReadAt ?? null);
  const [closed, setClosed] = useState(first?.closed ?? false);
  const [pending, setPending] = useState<Pending[]>([]);
  const [showNew, setShowNew] = useState(false);

  const messages = useMemo(() => (pages ?? []).flatMap((p) => p.items).reverse(), [pages]);
  // Members I blocked: their messages fold, also those arriving live (the room's event is the same for all).
  const foldedAuthors = useMemo(() => new Set(first?.foldedAuthorIds ?? []), [first]);
  const timeline = useMemo(() => timelineOf(messages, meId, lastReadAt), [messages, meId, lastReadAt]);

  const readSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const markReadSoon = useCallback(() => {
    clearTimeout(readSoon.current);
    readSoon.current = setTimeout(() => void markRead(chat).catch(() => undefined), 800);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the chat is its kind and id
  }, [chat.kind, chat.id]);
  useEffect(() => {
    markReadSoon();
    return () => clearTimeout(readSoon.current);
  }, [markReadSoon]);

  const socket = useChatSocket(chat, {
    onMessage: (message) => {
      queryClient.setQueryData<ChatPages>(cacheKey, (cached) => withMessage(cached, message));
      if (document.visibilityState === 'visible') markReadSoon();
    },
    onPinned: (pinned) =>
      queryClient.setQueryData<ChatPages>(cacheKey, (cached) => withPinned(cached, pinned)),
    onResync: () => void queryClient.invalidateQueries({ queryKey: cacheKey }),
  });
  const pinned = first?.pinned ?? null;
  const canPin = first?.canPin ?? false;
  const muted = first?.muted ?? false;
  const [actionError, setActionError] = useState<Message | null>(null);
  const togglePin = async (message: ChatMessage, pin: boolean) => {
    setActionError(null);
    try {
      await setPinned(chat, message.id, pin);
      if (pin) queryClient.setQueryData<ChatPages>(cacheKey, (cached) => withPinned(cached, message));
      else void queryClient.invalidateQueries({ queryKey: cacheKey });
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };
  const toggleMute = async () => {
    setActionError(null);
    try {
      await setMuted(chat, !muted);
      queryClient.setQueryData<ChatPages>(cacheKey, (cached) => withMuted(cached, !muted));
      void queryClient.invalidateQueries({ queryKey: chatKeys.mine() });
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  const deliver = useCallback(
    async (item: Pending) => {
      setPending((list) => [...list.filter((p) => p.key !== item.key), { ...item, state: 'sending' }]);
      try {
        const message = await sendMessage(chat, item.content);
        queryClient.setQueryData<ChatPages>(chatKeys.messages(chat.id), (cached) =>
          withMessage(cached, message),
        );
        setPending((list) => list.filter((p) => p.key !== item.key));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CHAT_CLOSED') setClosed(true);
        setPending((list) =>
          list.map((p) => (p.key === item.key ? { ...p, state: 'failed', error: errorMessage(error) } : p)),
        );
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the chat is its kind and id
    [chat.kind, chat.id, queryClient],
  );

  // Scrolling: start at the unread line (or the bottom), stay at the bottom while new messages come in when
  // already there, keep the view still when older messages are added above.
  const listRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const layout = useRef<{ firstKey?: string; lastKey?: string; height: number; ready: boolean }>({
    height: 0,
    ready: false,
  });
  const firstKey = messages[0]?.id;
  const lastMine = pending.length > 0 || messages.at(-1)?.author.id === meId;
  const lastKey = pending.at(-1)?.key ?? messages.at(-1)?.id;
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const prev = layout.current;
    if (!prev.ready) {
      const marker = el.querySelector<HTMLElement>('[data-unread-line]');
      if (marker) el.scrollTop = Math.max(0, marker.offsetTop - el.clientHeight / 3);
      else el.scrollTop = el.scrollHeight;
    } else {
      if (prev.firstKey !== undefined && firstKey !== prev.firstKey && !atBottom.current) {
        el.scrollTop += el.scrollHeight - prev.height;
      }
      if (lastKey !== prev.lastKey) {
        if (atBottom.current || lastMine) {
          el.scrollTop = el.scrollHeight;
          setShowNew(false);
        } else {
          setShowNew(true);
        }
      }
    }
    layout.current = { firstKey, lastKey, height: el.scrollHeight, ready: true };
  }, [firstKey, lastKey, lastMine]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const onScroll = () => {
    const el = listRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (atBottom.current) setShowNew(false);
    if (el.scrollTop < NEAR_TOP_PX) loadOlder();
  };
  const toBottom = () => {
    const el = listRef.current;
    if (el) el.scrollTo({ top: el.scrollHeight, behavior: 'smooth' });
    setShowNew(false);
  };

  return (
    <div className={styles.screen}>
      <div className={styles.room}>
        <header className={styles.header}>
          <Link
            to={ownerPath(chat)}
            className={styles.back}
            aria-label={chat.kind === 'run' ? t('chat.back') : t('chats.backToCrew')}
          >
            <ChevronLeftIcon aria-hidden="true" />
          </Link>
          <div className={styles.heading}>
            <h1 className={styles.title}>{title}</h1>
            <p className={cx(styles.status, styles[socket])} aria-live="polite">
              {t(`chat.status.${socket}`)}
            </p>
          </div>
          <button
            type="button"
            className={cx(styles.mute, muted && styles.muted)}
            aria-pressed={muted}
            aria-label={t('chats.mute.label')}
            title={muted ? t('chats.mute.on') : t('chats.mute.off')}
            onClick={() => void toggleMute()}
          >
            {muted ? (
              <BellOffIcon width={20} height={20} aria-hidden="true" />
            ) : (
              <BellIcon aria-hidden="true" />
            )}
          </button>
        </header>
        {pinned && (
          <section className={styles.pinned} aria-label={t('chats.pinned.label')}>
            <PinIcon aria-hidden="true" className={styles.pinnedIcon} />
            <div className={styles.pinnedBody}>
              <p className={styles.pinnedText}>
                {pinned.hidden && pinned.content === '' ? t('chat.hiddenPlaceholder') : pinned.content}
              </p>
              <p className={styles.pinnedMeta}>{pinned.author.nickname}</p>
            </div>
            {canPin && (
              <button
                type="button"
                className={styles.pinnedAction}
                onClick={() => void togglePin(pinned, false)}
              >
                {t('chats.pinned.unpin')}
              </button>
            )}
          </section>
        )}
        {actionError && (
          <p className={styles.actionError} role="alert">
            {t(actionError.key, actionError.values)}
          </p>
        )}

        <div className={styles.scroller} ref={listRef} onScroll={onScroll}>
          <div className={styles.top}>
            {hasNextPage ? (
              <button
                type="button"
                className={styles.older}
                onClick={loadOlder}
                disabled={isFetchingNextPage}
              >
                <ArrowUpIcon aria-hidden="true" />
                {isFetchingNextPage ? t('chat.loadingOlder') : t('chat.older')}
              </button>
            ) : (
              messages.length > 0 && <p className={styles.beginning}>{t('chat.beginning')}</p>
            )}
          </div>
          {messages.length === 0 && pending.length === 0 && <p className={styles.empty}>{t('chat.empty')}</p>}
          {/* The log wraps the list: role="log" on the <ol> itself would take away its list semantics. */}
          <div role="log" aria-label={t('chat.label', { title })}>
            <ol className={styles.list}>
              {timeline.map(({ message, mine, newDay, unreadStart, continued }) => (
                <li key={message.id} className={styles.item}>
                  {newDay && (
                    <p className={styles.day}>
                      <span>{formatLongDate(message.createdAt, i18n.language)}</span>
                    </p>
                  )}
                  {unreadStart && (
                    <p className={styles.unread} data-unread-line>
                      <span>{t('chat.unread')}</span>
                    </p>
                  )}
                  <Bubble
                    message={message}
                    mine={mine}
                    continued={continued}
                    isHost={message.author.id === hostId}
                    folded={message.folded === true || foldedAuthors.has(message.author.id)}
                    names={memberNames}
                    pinnedId={canPin ? (pinned?.id ?? '') : null}
                    onPin={(pin) => void togglePin(message, pin)}
                    onReport={onReport && !mine ? () => onReport(message) : undefined}
                  />
                </li>
              ))}
              {pending.map((p) => (
                <li key={p.key} className={styles.item}>
                  <div className={cx(styles.row, styles.mine)}>
                    <div className={styles.bubbleCol}>
                      <div className={cx(styles.bubble, styles.mineBubble, styles.pendingBubble)}>
                        <Content text={p.content} names={memberNames} />
                      </div>
                      {p.state === 'sending' ? (
                        <span className={styles.meta}>{t('chat.sending')}</span>
                      ) : (
                        <div className={styles.failed} role="alert">
                          <span>{p.error ? t(p.error.key, p.error.values) : t('chat.failed')}</span>
                          {!closed && (
                            <button type="button" onClick={() => void deliver(p)}>
                              {t('chat.retry')}
                            </button>
                          )}
                          <button
                            type="button"
                            onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}
                          >
                            {t('chat.discard')}
                          </button>
                        </div>
                      )}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </div>
        </div>

        {showNew && (
          <button type="button" className={styles.newPill} onClick={toBottom}>
            <ArrowDownIcon aria-hidden="true" />
            {t('chat.newMessages')}
          </button>
        )}

        {closed ? (
          <p className={styles.closed} role="status">
            <strong>{t('chat.closed')}</strong>
            <span>{t('chat.closedDetail')}</span>
          </p>
        ) : (
          <Composer
            disabledReason={restricted ? t('restricted.chat') : undefined}
            members={(members ?? []).filter((m) => m.id !== meId)}
            onSend={(content) => void deliver({ key: crypto.randomUUID(), content, state: 'sending' })}
          />
        )}
      </div>
    </div>
  );
}

function Bubble({
  message,
  mine,
  continued,
  isHost,
  folded,
  names,
  pinnedId,
  onPin,
  onReport,
}: {
  message: ChatMessage;
  mine: boolean;
  continued: boolean;
  isHost: boolean;
  /** From someone I blocked: folded until I open it. */
  folded: boolean;
  /** Members' nicknames: "@닉네임" of one of them is highlighted. */
  names: Set<string>;
  /** When I may pin: the id of the pinned message ('' for none); null when I may not. */
  pinnedId: string | null;
  onPin: (pin: boolean) => void;
  /** Others' messages: report this one. */
  onReport?: () => void;
}) {
  const { t } = useTranslation();
  // Hidden by reports (its text withheld from all but its author): nothing left to report.
  const withheld = message.hidden && message.content === '';
  const time = (
    <span className={styles.metaGroup}>
      {(pinnedId !== null || (onReport && !withheld)) && (
        <MessageMenu
          pinned={pinnedId === message.id}
          onPin={pinnedId !== null ? onPin : undefined}
          onReport={withheld ? undefined : onReport}
        />
      )}
      <time className={styles.meta} dateTime={message.createdAt}>
        {formatTime(message.createdAt)}
      </time>
    </span>
  );
  if (mine) {
    return (
      <div className={cx(styles.row, styles.mine, continued && styles.continued)}>
        <span className={styles.srOnly}>{t('chat.me')}: </span>
        {time}
        <div className={cx(styles.bubble, styles.mineBubble)}>
          <Content text={message.content} names={names} />
          {message.hidden && <p className={styles.hiddenNote}>{t('chat.hiddenMine')}</p>}
        </div>
      </div>
    );
  }
  return (
    <div className={cx(styles.row, continued && styles.continued)}>
      <div className={styles.avatarCol}>
        {!continued && <Avatar image={message.author.avatar} name={message.author.nickname} size="sm" />}
      </div>
      <div className={styles.bubbleCol}>
        {continued ? (
          <span className={styles.srOnly}>{message.author.nickname}: </span>
        ) : (
          <span className={styles.name}>
            {message.author.nickname}
            {isHost && <span className={styles.hostTag}>{t('chat.host')}</span>}
          </span>
        )}
        <div className={styles.bubbleLine}>
          <div className={styles.bubble}>
            {withheld ? (
              <p className={styles.hiddenText}>{t('chat.hiddenPlaceholder')}</p>
            ) : folded ? (
              <Folded label={t('blocks.folded.message')}>
                <Content text={message.content} names={names} />
              </Folded>
            ) : (
              <Content text={message.content} names={names} />
            )}
          </div>
          {time}
        </div>
      </div>
    </div>
  );
}

/**
 * A message's small menu: for the host, co-hosts or crew staff, pin it as the notice (or unpin it); on others'
 * messages, report it.
 */
function MessageMenu({
  pinned,
  onPin,
  onReport,
}: {
  pinned: boolean;
  onPin?: (pin: boolean) => void;
  onReport?: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <span
      className={styles.menuRoot}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget))
          setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={styles.menuButton}
        aria-label={t('chats.menu.label')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        ⋯
      </button>
      {open && (
        <span className={styles.menu} role="menu" id={menuId}>
          {onPin && (
            <button
              type="button"
              role="menuitem"
              autoFocus
              onClick={() => {
                setOpen(false);
                onPin(!pinned);
              }}
            >
              <PinIcon aria-hidden="true" />
              {pinned ? t('chats.pinned.unpin') : t('chats.pinned.pin')}
            </button>
          )}
          {onReport && (
            <button
              type="button"
              role="menuitem"
              autoFocus={!onPin}
              onClick={() => {
                setOpen(false);
                onReport();
              }}
            >
              <AlertIcon aria-hidden="true" />
              {t('chat.report')}
            </button>
          )}
        </span>
      )}
    </span>
  );
}

/**
 * Plain text as React nodes (never HTML); only http(s) addresses become links, opened safely; "@닉네임" of a
 * member is highlighted.
 */
function Content({ text, names }: { text: string; names: Set<string> }) {
  return (
    <p className={styles.text}>
      {linkify(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          mentionSegments(segment.text, names).map((part, i) =>
            part.mention ? (
              <mark key={`${index}-${i}`} className={styles.mention}>
                {part.text}
              </mark>
            ) : (
              part.text
            ),
          )
        ),
      )}
    </p>
  );
}

const MAX_SUGGESTIONS = 6;

function Composer({
  onSend,
  members,
  disabledReason,
}: {
  onSend: (content: string) => void;
  members: ChatAuthor[];
  /** Why this account may not send now (suspended or banned): shown disabled with it, before any tap. */
  disabledReason?: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const mention = activeMention(value, caret);
  const suggestions =
    mention && dismissed !== `${mention.start}:${mention.query}`
      ? members
          .filter((m) => m.nickname.toLowerCase().startsWith(mention.query.toLowerCase()))
          .slice(0, MAX_SUGGESTIONS)
      : [];
  const open = suggestions.length > 0;
  const current = Math.min(active, suggestions.length - 1);
  const choose = (member: ChatAuthor) => {
    if (!mention) return;
    const before = value.slice(0, mention.start);
    const after = value.slice(caret);
    const inserted = `@${member.nickname} `;
    const next = before + inserted + after.replace(/^\S*/u, '');
    setValue(next);
    const at = before.length + inserted.length;
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  };
  const length = value.trim().length;
  const tooLong = length > CHAT_MESSAGE_MAX;
  const blocked = disabledReason !== undefined;
  const canSend = length > 0 && !tooLong && !blocked;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 132)}px`;
  }, [value]);

  const submit = () => {
    if (!canSend) return;
    onSend(value.trim());
    setValue('');
    ref.current?.focus();
  };

  return (
    <form
      className={cx(styles.composer, blocked && styles.composerBlocked)}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor="chat-input" className={styles.srOnly}>
        {t('chat.composer.label')}
      </label>
      <div className={styles.inputWrap}>
        <textarea
          id="chat-input"
          ref={ref}
          rows={1}
          value={value}
          className={styles.input}
          placeholder={t('chat.composer.placeholder')}
          disabled={blocked}
          aria-describedby={blocked ? 'chat-input-hint chat-input-restricted' : 'chat-input-hint'}
          aria-invalid={tooLong || undefined}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${current}` : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setCaret(event.target.selectionStart);
            setActive(0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (open && mention) {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                const step = event.key === 'ArrowDown' ? 1 : -1;
                setActive((current + step + suggestions.length) % suggestions.length);
                return;
              }
              if ((event.key === 'Enter' || event.key === 'Tab') && !event.nativeEvent.isComposing) {
                event.preventDefault();
                const member = suggestions[current];
                if (member) choose(member);
                return;
              }
              if (event.key === 'Escape') {
                event.preventDefault();
                setDismissed(`${mention.start}:${mention.query}`);
                return;
              }
            }
            // Enter sends, Shift+Enter breaks the line; never while a Korean syllable is still being composed.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <span id="chat-input-hint" className={styles.srOnly}>
          {t('chat.composer.hint')} {t('chats.mention.hint')}
        </span>
        {open && (
          <ul className={styles.suggestions} id={listId} role="listbox" aria-label={t('chats.mention.label')}>
            {suggestions.map((member, index) => (
              <li
                key={member.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === current}
                className={cx(styles.suggestion, index === current && styles.suggestionActive)}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(member);
                }}
              >
                <Avatar image={member.avatar} name={member.nickname} size="sm" />
                <span>{member.nickname}</span>
              </li>
            ))}
          </ul>
        )}
        {length >= COUNTER_FROM && (
          <span className={cx(styles.counter, tooLong && styles.counterOver)} aria-live="polite">
            {tooLong
              ? t('chat.composer.tooLong', { max: CHAT_MESSAGE_MAX })
              : t('chat.composer.counter', { count: length, max: CHAT_MESSAGE_MAX })}
          </span>
        )}
      </div>
      <button type="submit" className={styles.send} disabled={!canSend}>
        {t('chat.composer.send')}
      </button>
      {blocked && (
        <p id="chat-input-restricted" className={styles.restricted}>
          {disabledReason}
        </p>
      )}
    </form>
  );
}
