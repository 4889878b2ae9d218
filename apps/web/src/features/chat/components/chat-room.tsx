import { CHAT_MESSAGE_MAX, type ChatMessage } from '@erun/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../components/avatar.tsx';
import { ArrowDownIcon, ArrowUpIcon, ChevronLeftIcon } from '../../../components/icons.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { cx } from '../../../lib/cx.ts';
import { formatLongDate, formatTime } from '../../../lib/datetime.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { linkify } from '../../../lib/linkify.ts';
import { chatKeys } from '../api/chat-keys.ts';
import { useMessages, withMessage, type ChatPages } from '../api/get-messages.ts';
import { markRead, sendMessage } from '../api/send-message.ts';
import { useChatSocket } from '../hooks/use-chat-socket.ts';
import { timelineOf } from '../utils/timeline.ts';
import styles from './chat.module.css';

interface Pending {
  key: string;
  content: string;
  state: 'sending' | 'failed';
  error?: Message;
}

interface ChatRoomProps {
  runId: string;
  title: string;
  meId: string;
  hostId: string | null;
}

const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 160;
const COUNTER_FROM = CHAT_MESSAGE_MAX - 100;

/** A run's group chat once the history has loaded: messages, live updates, the composer. */
export function ChatRoom({ runId, title, meId, hostId }: ChatRoomProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const history = useMessages(runId);
  const pages = history.data?.pages;
  const first = pages?.[0];
  // The read marker as it was when the chat opened: the unread line stays put while reading.
  const [lastReadAt] = useState(() => first?.lastReadAt ?? null);
  const [closed, setClosed] = useState(first?.closed ?? false);
  const [pending, setPending] = useState<Pending[]>([]);
  const [showNew, setShowNew] = useState(false);

  const messages = useMemo(() => (pages ?? []).flatMap((p) => p.items).reverse(), [pages]);
  const timeline = useMemo(() => timelineOf(messages, meId, lastReadAt), [messages, meId, lastReadAt]);

  const readSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const markReadSoon = useCallback(() => {
    clearTimeout(readSoon.current);
    readSoon.current = setTimeout(() => void markRead(runId).catch(() => undefined), 800);
  }, [runId]);
  useEffect(() => {
    markReadSoon();
    return () => clearTimeout(readSoon.current);
  }, [markReadSoon]);

  const socket = useChatSocket(runId, {
    onMessage: (message) => {
      queryClient.setQueryData<ChatPages>(chatKeys.messages(runId), (cached) => withMessage(cached, message));
      if (document.visibilityState === 'visible') markReadSoon();
    },
    onResync: () => void queryClient.invalidateQueries({ queryKey: chatKeys.messages(runId) }),
  });

  const deliver = useCallback(
    async (item: Pending) => {
      setPending((list) => [...list.filter((p) => p.key !== item.key), { ...item, state: 'sending' }]);
      try {
        const message = await sendMessage(runId, item.content);
        queryClient.setQueryData<ChatPages>(chatKeys.messages(runId), (cached) =>
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
    [runId, queryClient],
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
          <Link to={`/runs/${runId}`} className={styles.back} aria-label={t('chat.back')}>
            <ChevronLeftIcon aria-hidden="true" />
          </Link>
          <div className={styles.heading}>
            <h1 className={styles.title}>{title}</h1>
            <p className={cx(styles.status, styles[socket])} aria-live="polite">
              {t(`chat.status.${socket}`)}
            </p>
          </div>
        </header>

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
          <ol className={styles.list} role="log" aria-label={t('chat.label', { title })}>
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
                />
              </li>
            ))}
            {pending.map((p) => (
              <li key={p.key} className={styles.item}>
                <div className={cx(styles.row, styles.mine)}>
                  <div className={styles.bubbleCol}>
                    <div className={cx(styles.bubble, styles.mineBubble, styles.pendingBubble)}>
                      <Content text={p.content} />
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
}: {
  message: ChatMessage;
  mine: boolean;
  continued: boolean;
  isHost: boolean;
}) {
  const { t } = useTranslation();
  const time = (
    <time className={styles.meta} dateTime={message.createdAt}>
      {formatTime(message.createdAt)}
    </time>
  );
  if (mine) {
    return (
      <div className={cx(styles.row, styles.mine, continued && styles.continued)}>
        <span className={styles.srOnly}>{t('chat.me')}: </span>
        {time}
        <div className={cx(styles.bubble, styles.mineBubble)}>
          <Content text={message.content} />
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
            <Content text={message.content} />
          </div>
          {time}
        </div>
      </div>
    </div>
  );
}

/** Plain text as React nodes (never HTML); only http(s) addresses become links, opened safely. */
function Content({ text }: { text: string }) {
  return (
    <p className={styles.text}>
      {linkify(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}

function Composer({ onSend }: { onSend: (content: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = value.trim().length;
  const tooLong = length > CHAT_MESSAGE_MAX;
  const canSend = length > 0 && !tooLong;

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
      className={styles.composer}
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
          aria-describedby="chat-input-hint"
          aria-invalid={tooLong || undefined}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            // Enter sends, Shift+Enter breaks the line; never while a Korean syllable is still being composed.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <span id="chat-input-hint" className={styles.srOnly}>
          {t('chat.composer.hint')}
        </span>
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
    </form>
  );
}
