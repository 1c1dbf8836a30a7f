/**
 * The shell: sign-in, the page for the user's role (a prison board, the caseworker queue, the COM's
 * caseload), the alerts panel, and the live connection that refreshes whatever is on screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { BoardEvent, isEventOf, Role, rooms as roomNames } from '@app/contracts';
import { loadSession, saveSession, Session, whenUnauthorised } from './api';
import { CatchUp } from './board-follower';
import { coalesced } from './coalesced';
import { ConnectionState, LiveConnection, connectLive } from './live';
import { keepSessionFresh, tokenExpiry } from './session-keeper';
import { AlertsPanel } from './screens/alerts-panel';
import { ComView } from './screens/com-view';
import { PrisonBoard } from './screens/prison-board';
import { Queue } from './screens/queue';
import { Reports } from './screens/reports';
import { Settings } from './screens/settings';
import { SignIn } from './screens/sign-in';
import { endOrganisationSession } from './organisation-sign-in';
import { WomanPanel } from './screens/woman-panel';
import { alertKindText, formatTime, personLabel, roleLabel } from './format';
import { t, useLocale } from './i18n';
import { adoptUserLanguage, LanguageSwitch } from './language-switch';
import { taskTitle } from './task-title';

const PRISON_BOARD_ROLES: readonly Role[] = [
  Role.PRE_RELEASE_TEAM,
  Role.POM,
  Role.GOVERNOR,
  Role.REGIONAL_MANAGER,
  Role.ADMIN,
];
const OVERSIGHT_ROLES: readonly Role[] = [Role.GOVERNOR, Role.REGIONAL_MANAGER];
const REPORT_ROLES: readonly Role[] = [Role.GOVERNOR, Role.REGIONAL_MANAGER, Role.ADMIN, Role.CRS_CASEWORKER];

/** Where the API serves the admins' read-only queue view (apps/api/src/observability/queue-board.ts). */
const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * A link cannot carry the bearer token, so the admin's token goes with her to the queue view in a cookie scoped
 * to that path alone, SameSite=Strict, for as long as a token lasts.
 */
function openQueueBoard(token: string): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `resettle_admin_token=${encodeURIComponent(token)}; Path=${QUEUE_BOARD_PATH}; SameSite=Strict; Max-Age=3600${secure}`;
}

function caughtUpText(catchUp: CatchUp, at: Date): string {
  const time = formatTime(at);
  return catchUp.reloaded
    ? t('shell.caughtUpReloaded', { time })
    : t('shell.caughtUpMissed', { time, missed: catchUp.missed });
}

/** How many new alerts the notice lists by name; the alerts panel holds them all. */
const ANNOUNCED = 3;

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return hash;
}

function homeFor(session: Session): string {
  if (session.user.role === Role.CRS_CASEWORKER) return '#/queue';
  if (session.user.role === Role.COM) return '#/caseload';
  if (session.user.role === Role.REGIONAL_MANAGER) return '#/reports';
  return `#/board/${session.user.prisonCodes[0] ?? 'STI'}`;
}

function roomsFor(session: Session, hash: string): string[] {
  const prison = /^#\/board\/([A-Z]{3})$/.exec(hash)?.[1];
  if (prison)
    return [OVERSIGHT_ROLES.includes(session.user.role) ? roomNames.prisonOversight(prison) : roomNames.prison(prison)];
  if (session.user.role === Role.CRS_CASEWORKER && session.user.providerId)
    return [roomNames.provider(session.user.providerId)];
  return [];
}

export function App() {
  // Every screen below re-renders in the new language when she switches.
  useLocale();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<string | null>(null);
  const [openWoman, setOpenWoman] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [caughtUp, setCaughtUp] = useState<string | null>(null);
  // New alerts since the notice was last dismissed, newest first: a burst must not hide the one that matters.
  const [announcements, setAnnouncements] = useState<{ seq: number; text: string }[]>([]);
  // Her sign-in has run out: she signs in again over the page, which keeps its filters and open panel.
  const [signInAgain, setSignInAgain] = useState(false);
  const live = useRef<LiveConnection | null>(null);
  const hash = useHash();

  const signOut = useCallback((why: string | null) => {
    saveSession(null);
    setSession(null);
    setSignInAgain(false);
    setNotice(why);
  }, []);
  useEffect(() => whenUnauthorised(() => setSignInAgain(true)), []);

  const userId = session?.user.id;
  useEffect(() => {
    if (!userId || signInAgain) return;
    return keepSessionFresh(
      (token) => {
        const current = loadSession();
        if (current) saveSession({ ...current, token });
        live.current?.renew(token);
      },
      () => setSignInAgain(true),
    );
  }, [userId, signInAgain]);

  useEffect(() => {
    if (session && (hash === '' || hash === '#/')) location.hash = homeFor(session);
  }, [session, hash]);

  const rooms = session ? roomsFor(session, hash) : [];
  const roomKey = rooms.join(',');
  useEffect(() => {
    if (!userId) return;
    // Many events arrive together (a plan of 10 tasks): one refetch for the lot, and at least one every 250 ms
    // while they keep coming.
    const refresh = coalesced(() => setRefreshKey((k) => k + 1), 250);
    const token = () => loadSession()?.token ?? '';
    const stop = connectLive(token, roomKey ? roomKey.split(',') : [], {
      onEvent: (event: BoardEvent) => {
        if (isEventOf(event, 'alert') && event.type === 'alert.raised') {
          const text = t('shell.alertAnnouncement', {
            kind: alertKindText(event.alert),
            task: taskTitle(event.task.title),
            woman: personLabel(event.womanLabel),
          });
          setAnnouncements((list) => [{ seq: event.seq, text }, ...list.filter((a) => a.seq !== event.seq)]);
        }
        refresh();
      },
      onReload: refresh,
      // Taken out of a room (her access to the board, or to a woman, ended): what is on screen may no longer be
      // hers to see, so the page drops the woman's panel and fetches the board again as she now stands.
      onRemoved: (removed) => {
        setOpenWoman((open) => (open && removed.room === roomNames.woman(open) ? null : open));
        if (roomKey.split(',').includes(removed.room))
          setCaughtUp(t('shell.removedFromRoom', { reason: removed.reason }));
        refresh();
      },
      onCaughtUp: (catchUp) => {
        setCaughtUp(caughtUpText(catchUp, new Date()));
        refresh();
      },
      // Not on connecting: only once the gateway has joined her to the rooms is every later event sure to arrive.
      onSubscribed: refresh,
      onState: setConnection,
      onSessionEnded: (reason) => {
        if (reason === 'withdrawn') signOut(t('shell.accountWithdrawn'));
        // She signed out of her organisation's sign-in in another tab: this one is signed out too.
        else if (reason === 'signed-out') signOut(t('shell.signedOutElsewhere'));
        // A fresher token than the one that expired (renewed while the socket was away): reconnect with it.
        else if (tokenExpiry(token()) > Date.now() + 1000) live.current?.renew(token());
        else setSignInAgain(true);
      },
    });
    void stop.then((connection) => (live.current = connection));
    return () => {
      refresh.cancel();
      void stop.then((connection) => {
        connection.close();
        if (live.current === connection) live.current = null;
      });
    };
    // Keyed on the user, not the session: a fresh token is read when needed and never tears the connection down.
  }, [userId, roomKey, signOut]);

  if (!session) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
          setNotice(null);
          location.hash = homeFor(s);
          void adoptUserLanguage().catch(() => undefined);
        }}
      />
    );
  }

  const prison = /^#\/board\/([A-Z]{3})$/.exec(hash)?.[1];
  const mayBoard = PRISON_BOARD_ROLES.includes(session.user.role);
  let page;
  if (prison && mayBoard && (session.user.role === Role.ADMIN || session.user.prisonCodes.includes(prison))) {
    page = <PrisonBoard prison={prison} refreshKey={refreshKey} onOpen={setOpenWoman} />;
  } else if (prison) {
    page = (
      <main>
        <h1>{t('shell.notAvailable')}</h1>
        <p className="error-summary" role="alert">
          {t('shell.boardNotOpen', { prison })}
        </p>
        <a href={homeFor(session)}>{t('shell.goHome')}</a>
      </main>
    );
  } else if (hash === '#/queue') {
    page = <Queue userId={session.user.id} refreshKey={refreshKey} onOpen={setOpenWoman} />;
  } else if (hash === '#/caseload') {
    page = <ComView refreshKey={refreshKey} onOpen={setOpenWoman} />;
  } else if (hash === '#/reports' && REPORT_ROLES.includes(session.user.role)) {
    page = <Reports role={session.user.role} prisonCodes={session.user.prisonCodes} />;
  } else if (hash === '#/settings') {
    page = <Settings isManager={session.user.isManager || session.user.role === Role.GOVERNOR} />;
  } else {
    page = <p>{t('common.loading')}</p>;
  }

  const again = signInAgain && (
    <div className="sign-in-again" role="dialog" aria-modal="true" aria-label={t('shell.signInAgain')}>
      <SignIn
        inPlace
        notice={t('shell.signInExpired')}
        onSignedIn={(s) => {
          saveSession(s);
          setSignInAgain(false);
          void adoptUserLanguage().catch(() => undefined);
          if (s.user.id === session.user.id) live.current?.renew(s.token);
          else {
            // Someone else at this screen: her own page, not the last user's.
            setOpenWoman(null);
            setSession(s);
            location.hash = homeFor(s);
          }
        }}
      />
    </div>
  );

  return (
    <div className="shell" inert={signInAgain}>
      {again && createPortal(again, document.body)}
      <header className="header">
        <a className="brand" href={homeFor(session)}>
          {t('shell.brand')}
        </a>
        <nav aria-label={t('shell.mainNavigation')}>
          {mayBoard &&
            (session.user.role === Role.ADMIN ? ['STI', 'BZI', 'EWI'] : session.user.prisonCodes).map((code) => (
              <a key={code} href={`#/board/${code}`} aria-current={prison === code ? 'page' : undefined}>
                {t('shell.boardLink', { prison: code })}
              </a>
            ))}
          {session.user.role === Role.CRS_CASEWORKER && <a href="#/queue">{t('shell.queue')}</a>}
          {session.user.role === Role.COM && <a href="#/caseload">{t('shell.caseload')}</a>}
          {REPORT_ROLES.includes(session.user.role) && (
            <a href="#/reports" aria-current={hash === '#/reports' ? 'page' : undefined}>
              {t('shell.reports')}
            </a>
          )}
          {session.user.role === Role.ADMIN && (
            <a href={QUEUE_BOARD_PATH} onClick={() => openQueueBoard(session.token)}>
              {t('shell.queues')}
            </a>
          )}
        </nav>
        <span className={`connection connection-${connection}`} role="status">
          {connection === 'live'
            ? `● ${t('shell.live')}`
            : connection === 'reconnecting'
              ? `○ ${t('shell.reconnecting')}`
              : `○ ${t('shell.connecting')}`}
        </span>
        <span className="who">
          {session.user.displayName} ({roleLabel(session.user.role)})
        </span>
        <a href="#/settings" aria-current={hash === '#/settings' ? 'page' : undefined}>
          {t('shell.settings')}
        </a>
        <LanguageSwitch />
        <button
          onClick={() => {
            signOut(null);
            void endOrganisationSession();
          }}
        >
          {t('shell.signOut')}
        </button>
      </header>
      {connection === 'reconnecting' && (
        <p className="connection-banner">
          <strong>{t('shell.reconnecting')}</strong> {t('shell.connectionLost')}
        </p>
      )}
      {caughtUp && (
        <p className="connection-banner" role="status">
          {caughtUp} <button onClick={() => setCaughtUp(null)}>{t('common.dismiss')}</button>
        </p>
      )}
      {announcements.length > 0 && (
        <div className="announcement" role="alert">
          <div>
            {t('shell.newAlerts', { count: announcements.length })}
            <ul>
              {announcements.slice(0, ANNOUNCED).map((a) => (
                <li key={a.seq}>{a.text}</li>
              ))}
            </ul>
            {announcements.length > ANNOUNCED && (
              <span>{t('shell.moreAlerts', { count: announcements.length - ANNOUNCED })}</span>
            )}
          </div>
          <button onClick={() => setAnnouncements([])}>{t('common.dismiss')}</button>
        </div>
      )}
      <div className="layout">
        {page}
        <AlertsPanel refreshKey={refreshKey} onOpen={setOpenWoman} />
      </div>
      {openWoman && (
        <WomanPanel
          key={openWoman}
          womanId={openWoman}
          session={session}
          refreshKey={refreshKey}
          onClose={() => {
            setOpenWoman(null);
            // Back to her card, so a keyboard user carries on where she was.
            document.querySelector<HTMLElement>(`[data-woman-id="${openWoman}"]`)?.focus();
          }}
        />
      )}
    </div>
  );
}
