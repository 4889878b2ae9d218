import type { Connections, Me, OAuthProvider } from '@erun/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import styles from '../../../components/page.module.css';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { TextField } from '../../../components/text-field.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { apiClient } from '../../../lib/api-client.ts';
import { cx } from '../../../lib/cx.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { leaving, meQueryKey } from '../../../lib/session.ts';
import { useDeleteAccount, useDownloadExport } from '../api/account-data.ts';
import { useConnectProvider, useConnections, useDisconnectProvider } from '../api/connections.ts';
import own from './account-settings.module.css';

const PROVIDERS: OAuthProvider[] = ['kakao', 'naver'];

/** Sign-in methods, data export and account deletion (issue 6); `me` is the signed-in user, once loaded. */
export function AccountSettings({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const deleted = useRef(false);
  useLinkResult();
  // After deleting the account: signed out when this page unmounts, i.e. once the app has moved home; from then
  // on a signed-out session sends guarded pages to the login page again.
  useEffect(
    () => () => {
      leaving.end();
      if (!deleted.current) return;
      apiClient.endSession();
      queryClient.removeQueries({ queryKey: meQueryKey });
    },
    [queryClient],
  );
  return (
    <section className={styles.section} aria-labelledby="settings-account">
      <h2 id="settings-account" className={styles.sectionTitle}>
        {t('settings.account.title')}
      </h2>
      <SignInMethods />
      <DataExport />
      <DeleteAccount me={me} onDeleted={() => (deleted.current = true)} />
    </section>
  );
}

/** Back from linking a provider: /me/settings?connected=kakao or ?error=CODE. */
function useLinkResult() {
  const { t } = useTranslation();
  const notify = useNotice();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const connected = params.get('connected');
  const error = params.get('error');
  useEffect(() => {
    if (!connected && !error) return;
    if (connected === 'kakao' || connected === 'naver') {
      notify(t('account.methods.linked', { provider: t(`account.methods.${connected}`) }), 'success');
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    } else if (error === 'oauth_cancelled') {
      notify(t('account.methods.cancelled'), 'info');
    } else if (error) {
      const code = /^[A-Z_]{2,40}$/.test(error) ? error : 'OAUTH_FAILED';
      const message = errorMessage(new ApiError({ status: 409, code, message: code }));
      notify(t(message.key, message.values), 'error');
    }
    setParams({}, { replace: true });
  }, [connected, error, notify, queryClient, setParams, t]);
}

function SignInMethods() {
  const { t } = useTranslation();
  const notify = useNotice();
  const connections = useConnections();
  const connect = useConnectProvider();
  const disconnect = useDisconnectProvider();
  const [busy, setBusy] = useState<OAuthProvider | null>(null);
  const data = connections.data;

  const onConnect = (provider: OAuthProvider) => {
    setBusy(provider);
    connect.mutate(provider, {
      onError: (error) => {
        setBusy(null);
        notify(t(errorMessage(error).key), 'error');
      },
    });
  };
  const onDisconnect = (provider: OAuthProvider) => {
    setBusy(provider);
    disconnect.mutate(provider, {
      onSuccess: () =>
        notify(t('account.methods.unlinked', { provider: t(`account.methods.${provider}`) }), 'info'),
      onError: (error) => notify(t(errorMessage(error).key), 'error'),
      onSettled: () => setBusy(null),
    });
  };

  return (
    <div className={own.block}>
      <h3 className={own.subtitle}>{t('account.methods.title')}</h3>
      {connections.isPending && <p className={own.text}>{t('account.loading')}</p>}
      {connections.isError && <FormAlert message={errorMessage(connections.error)} />}
      {data && (
        <>
          <ul className={own.methods} aria-label={t('account.methods.title')}>
            <li className={own.method}>
              <span className={own.methodName}>
                <span className={own.mark} aria-hidden="true">
                  @
                </span>
                <span>
                  {t('account.methods.email')}
                  <span className={cx(own.status, data.hasPassword && own.connected)}>
                    {data.hasPassword
                      ? t('account.methods.emailOn', { email: data.email ?? '' })
                      : t('account.methods.emailOff')}
                  </span>
                </span>
              </span>
            </li>
            {PROVIDERS.filter((p) => data.available[p] || data.providers.includes(p)).map((provider) => {
              const linked = data.providers.includes(provider);
              const last = linked && methodCount(data) <= 1;
              const name = t(`account.methods.${provider}`);
              return (
                <li key={provider} className={own.method}>
                  <span className={own.methodName}>
                    <span className={cx(own.mark, own[provider])} aria-hidden="true">
                      {provider === 'kakao' ? 'K' : 'N'}
                    </span>
                    <span>
                      {name}
                      <span className={cx(own.status, linked && own.connected)}>
                        {linked ? t('account.methods.linkedState') : t('account.methods.notLinked')}
                      </span>
                    </span>
                  </span>
                  {linked ? (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={last || (busy !== null && busy !== provider)}
                      pending={busy === provider}
                      aria-label={t('account.methods.unlinkLabel', { provider: name })}
                      onClick={() => onDisconnect(provider)}
                    >
                      {t('account.methods.unlink')}
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      size="sm"
                      disabled={busy !== null && busy !== provider}
                      pending={busy === provider}
                      aria-label={t('account.methods.linkLabel', { provider: name })}
                      onClick={() => onConnect(provider)}
                    >
                      {t('account.methods.link')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          {methodCount(data) <= 1 && data.providers.length > 0 && (
            <p className={own.hint}>{t('account.methods.lastHint')}</p>
          )}
        </>
      )}
    </div>
  );
}

function methodCount(c: Connections): number {
  return c.providers.length + (c.hasPassword ? 1 : 0);
}

function DataExport() {
  const { t } = useTranslation();
  const notify = useNotice();
  const download = useDownloadExport();
  return (
    <div className={own.block}>
      <h3 className={own.subtitle}>{t('account.export.title')}</h3>
      <p className={own.text}>{t('account.export.description')}</p>
      <div className={own.actions}>
        <Button
          variant="outline"
          pending={download.isPending}
          onClick={() =>
            download.mutate(undefined, {
              onSuccess: () => notify(t('account.export.done'), 'success'),
              onError: (error) => notify(t(errorMessage(error).key), 'error'),
            })
          }
        >
          {download.isPending ? t('account.export.pending') : t('account.export.button')}
        </Button>
      </div>
      <p className={own.hint} role="status">
        {download.isPending ? t('account.export.pending') : ''}
      </p>
    </div>
  );
}

function DeleteAccount({ me, onDeleted }: { me: Me | undefined; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className={cx(own.block, own.dangerZone)}>
      <h3 className={cx(own.subtitle, own.danger)}>{t('account.delete.title')}</h3>
      <p className={own.text}>{t('account.delete.description')}</p>
      <div className={own.actions}>
        <Button variant="ghost" className={own.danger} onClick={() => setOpen(true)} disabled={!me}>
          {t('account.delete.button')}
        </Button>
      </div>
      {me && (
        <DeleteDialog
          open={open}
          onClose={() => setOpen(false)}
          nickname={me.nickname}
          hasPassword={me.hasPassword}
          onDeleted={onDeleted}
        />
      )}
    </div>
  );
}

function DeleteDialog({
  open,
  onClose,
  nickname,
  hasPassword,
  onDeleted,
}: {
  open: boolean;
  onClose: () => void;
  nickname: string;
  hasPassword: boolean;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotice();
  const navigate = useNavigate();
  const remove = useDeleteAccount(() => {
    notify(t('account.delete.done'), 'info');
    // Home; the session ends once this page has gone (see AccountSettings). A sign-out that came first (the
    // server closed our sockets) left us here: the guard lets the deletion lead while it is `leaving`.
    onDeleted();
    void navigate('/', { replace: true });
  });
  const [value, setValue] = useState('');
  const [error, setError] = useState<Message | null>(null);

  const close = () => {
    setValue('');
    setError(null);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!hasPassword && value.trim() !== nickname) {
      setError({ key: 'account.delete.confirmMismatch' });
      return;
    }
    remove.mutate(hasPassword ? { password: value } : { confirm: value.trim() }, {
      onError: (err) => {
        const issue = err instanceof ApiError ? err.issues?.[0]?.message : undefined;
        if (issue === 'account.passwordIncorrect') setError({ key: 'account.delete.passwordIncorrect' });
        else if (issue === 'account.confirmMismatch') setError({ key: 'account.delete.confirmMismatch' });
        else setError(errorMessage(err));
      },
    });
  };

  return (
    <Dialog open={open} onClose={close} title={t('account.delete.dialogTitle')}>
      <form onSubmit={submit} className={own.block} noValidate>
        <p>{t('account.delete.intro')}</p>
        <ul className={own.consequences}>
          <li>{t('account.delete.hostedRuns')}</li>
          <li>{t('account.delete.joinedRuns')}</li>
          <li>{t('account.delete.content')}</li>
          <li>{t('account.delete.personal')}</li>
          <li>{t('account.delete.signOut')}</li>
        </ul>
        <p className={own.danger}>
          <strong>{t('account.delete.irreversible')}</strong>
        </p>
        <TextField
          label={
            hasPassword ? t('account.delete.passwordLabel') : t('account.delete.nicknameLabel', { nickname })
          }
          type={hasPassword ? 'password' : 'text'}
          autoComplete={hasPassword ? 'current-password' : 'off'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={hasPassword ? 200 : 50}
        />
        <FormAlert message={error} />
        <div className={own.actions}>
          <Button variant="outline" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="secondary"
            className={own.dangerButton}
            pending={remove.isPending}
            disabled={value.trim() === ''}
          >
            {t('account.delete.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
