/**
 * The socket half of the visibility policy's oracle. For a user of every role (and users of another prison,
 * provider and caseload), and for every room name a client can ask for (generated from the room kinds of
 * libs/events rooms.ts applied to the fixture's prisons, providers, users, women and teams), the gateway admits
 * exactly as the policy says; and every event the user receives, live and on a replay after reconnecting, holds
 * nothing the policy forbids her: no hidden pathway code, no task of another role, no draft referral, no flag,
 * no note or risk text, and no woman that GET /women/:id refuses her. Real API, worker, gateway, PostgreSQL,
 * Redis and socket.io clients; the negative checks end at a sentinel event, never after a sleep.
 */
import {
  AlertKind,
  DataKind,
  Pathway,
  Role,
  RoomKind,
  SENSITIVE_PATHWAYS,
  canSeePathway,
  canSeeTask,
  mayView,
  roomAdmission,
  roomAudience,
} from '@app/domain';
import { EVENT_REVEALS, ROOM_NAMING, RoomKey, parseRoom, rooms } from '@app/events';
import type { WomanView } from '@app/contracts';
import { AppProcess, startApp } from '../../setup/app-process';
import { BoardClient, ReceivedEvent, SubscribeReply, eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  OTHER_PRISON,
  OWN_PRISON,
  OracleUserName,
  RoomPolicyFixture,
  createRoomPolicyFixture,
  escalateSoon,
  escalationsRaised,
  makeChanges,
  overdueAlertsRaised,
} from '../../factories';
import { until } from '../../setup/until';

jest.setTimeout(300_000);

const USER_NAMES: OracleUserName[] = [
  'PRE_RELEASE_TEAM',
  'POM',
  'COM',
  'CRS_CASEWORKER',
  'GOVERNOR',
  'REGIONAL_MANAGER',
  'ADMIN',
  'OTHER_PRISON_PRE_RELEASE_TEAM',
  'OTHER_PRISON_GOVERNOR',
  'OTHER_PROVIDER_CRS_CASEWORKER',
  'OTHER_CASELOAD_COM',
];
/** The gateway reads at most 50 rooms from one subscribe. */
const CHUNK = 40;
/** Flags that are not also pathway codes (those are checked as pathways). */
const FLAG_PATTERN = /sensitiveFlags|MENTAL_HEALTH|DEPENDENT_CHILDREN|FOREIGN_NATIONAL/;

describe('room policy oracle', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let worker: AppProcess;
  let fixture: RoomPolicyFixture;
  let women: WomanView[];
  let roomNames: string[];
  /** Which fixture women GET /women/:id answers 200 for, user by user. */
  const inScope = {} as Record<OracleUserName, Set<string>>;
  const live = {} as Record<OracleUserName, BoardClient>;
  const replayed = {} as Record<OracleUserName, BoardClient>;
  const admissions = {} as Record<OracleUserName, SubscribeReply>;
  const draftIds: string[] = [];
  const sentIds: string[] = [];
  let liveFrom = 0;
  /** The sequence of each woman's sentinel change. */
  const sentinels = new Map<string, number>();

  /** Every room name a client can ask for: each room kind applied to every key of its type the fixture has. */
  function generateRoomNames(): string[] {
    const keys: Record<RoomKey, string[]> = {
      PRISON_CODE: [OWN_PRISON, OTHER_PRISON],
      PROVIDER_ID: [fixture.providers.own.id, fixture.providers.other.id],
      USER_ID: USER_NAMES.map((n) => fixture.users[n].id),
      WOMAN_ID: women.map((w) => w.id),
      TEAM_KEY: [
        OWN_PRISON,
        OTHER_PRISON,
        fixture.areas.own.code,
        fixture.areas.other.code,
        fixture.providers.own.id,
        fixture.providers.other.id,
      ],
    };
    const names = Object.values(RoomKind).flatMap((kind) => {
      const naming = ROOM_NAMING[kind];
      const roles: (Role | null)[] = naming.byRole ? Object.values(Role) : [null];
      return keys[naming.key].flatMap((key) => roles.map((role) => naming.name(key, role)));
    });
    // And names no room has: they must be refused, not half-parsed.
    return [...names, 'everything', `prison:${OWN_PRISON}:x`, 'team:NOBODY:STI', 'user:', `woman:${women[0].id}:x`];
  }

  function member(name: OracleUserName) {
    const u = fixture.users[name];
    return {
      id: u.id,
      role: u.role,
      prisonCodes: u.prisonCodes,
      providerId: u.providerId,
      teamKey: u.teamKey,
      isManager: u.isManager,
    };
  }

  function expectedAdmission(name: OracleUserName, room: string): boolean {
    const ref = parseRoom(room);
    if (!ref) return false;
    return roomAdmission(member(name), ref, ref.kind === RoomKind.WOMAN && inScope[name].has(ref.key)).allowed;
  }

  async function latestSeq(): Promise<number> {
    const rows: { id: string | null }[] = await api.dataSource.query('SELECT max(id)::text AS id FROM outbox_events');
    return Number(rows[0].id ?? 0);
  }

  /** Everything in these events the policy forbids this user, in words (empty when nothing is). */
  function violations(name: OracleUserName, events: ReceivedEvent[]): string[] {
    const user = fixture.users[name];
    const found: string[] = [];
    for (const event of events) {
      const json = JSON.stringify(event);
      const tag = `#${event.seq} ${event.type}`;
      for (const woman of women) {
        if (inScope[name].has(woman.id)) continue;
        if ([woman.id, woman.lastName, woman.prisonNumber].some((t) => json.includes(t)))
          found.push(`${tag} names ${woman.lastName}, outside her scope`);
      }
      if (event.womanId !== null && !inScope[name].has(event.womanId))
        found.push(`${tag} is about a woman GET /women/:id refuses her`);
      if (FLAG_PATTERN.test(json)) found.push(`${tag} carries a sensitive flag`);
      if (json.includes(fixture.secrets.note)) found.push(`${tag} carries note text`);
      if (json.includes(fixture.secrets.risk)) found.push(`${tag} carries risk text`);
      if (!mayView(user.role, DataKind.REFERRAL_DRAFTS)) {
        if (draftIds.some((id) => json.includes(id))) found.push(`${tag} names a draft referral`);
        if (event.referral && !event.referral.sent) found.push(`${tag} is about a referral never sent`);
      }
      // The pathways of a referral sent to her own provider are hers to see; nothing else's.
      const referredToHer =
        event.referral?.sent === true &&
        (event.referral.providerId === user.providerId || event.referral.caseworkerId === user.id);
      const judged = referredToHer ? JSON.stringify({ ...event, referral: { ...event.referral, pathways: [] } }) : json;
      for (const pathway of SENSITIVE_PATHWAYS) {
        if (!canSeePathway(user.role, pathway) && judged.includes(`"${pathway}"`))
          found.push(`${tag} names the hidden pathway ${pathway}`);
      }
      if (event.task && !canSeeTask(user.role, event.task))
        found.push(`${tag} is about a ${event.task.ownerRole} ${event.task.pathway} task she may not see`);
      for (const kind of EVENT_REVEALS[event.type] ?? [])
        if (!mayView(user.role, kind)) found.push(`${tag} reveals ${kind}`);
    }
    return found;
  }

  beforeAll(async () => {
    api = await startTestApi();
    [gateway, worker] = await Promise.all([
      startApp('gateway'),
      startApp('worker', { HORIZON_EVERY_MS: '1000', RECONCILE_EVERY_MS: '60000', SCHEDULER_WATCHDOG_MS: '500' }),
    ]);
    fixture = await createRoomPolicyFixture(api.dataSource, api.baseUrl);
    women = [fixture.women.case, fixture.women.neighbour, fixture.women.outsider];
    roomNames = generateRoomNames();
    for (const name of USER_NAMES) {
      inScope[name] = new Set();
      for (const woman of women) {
        const response = await fixture.users[name].api.get(`/women/${woman.id}`);
        if (response.status === 200) inScope[name].add(woman.id);
      }
    }

    for (const name of USER_NAMES) {
      live[name] = await BoardClient.connect(gateway.url, fixture.users[name].token);
      const reply: SubscribeReply = { joined: [], refused: [] };
      for (let i = 0; i < roomNames.length; i += CHUNK) {
        const part = await live[name].subscribe(roomNames.slice(i, i + CHUNK));
        reply.joined.push(...part.joined);
        reply.refused.push(...part.refused);
      }
      admissions[name] = reply;
    }
    liveFrom = await latestSeq();

    const { users } = fixture;
    const made = [
      await makeChanges(
        fixture,
        api.dataSource,
        fixture.women.case,
        { com: users.COM, pom: users.POM, crs: users.CRS_CASEWORKER },
        { overdue: true },
      ),
      await makeChanges(
        fixture,
        api.dataSource,
        fixture.women.neighbour,
        { com: users.OTHER_CASELOAD_COM, pom: null, crs: users.CRS_CASEWORKER },
        { overdue: true },
      ),
      await makeChanges(
        fixture,
        api.dataSource,
        fixture.women.outsider,
        { com: users.OTHER_CASELOAD_COM, pom: null, crs: users.OTHER_PROVIDER_CRS_CASEWORKER },
        { overdue: false },
      ),
    ];
    draftIds.push(...made.map((m) => m.draftReferralId));
    sentIds.push(...made.map((m) => m.sentReferralId));

    const overdueWomen = [fixture.women.case.id, fixture.women.neighbour.id];
    expect(await until(() => overdueAlertsRaised(api.dataSource, overdueWomen), 60_000)).toBe(true);
    const escalating = [
      ...(await escalateSoon(api.dataSource, fixture.women.case.id, [
        Role.PRE_RELEASE_TEAM,
        Role.COM,
        Role.CRS_CASEWORKER,
      ])),
      ...(await escalateSoon(api.dataSource, fixture.women.neighbour.id, [Role.COM])),
    ];
    expect(await until(() => escalationsRaised(api.dataSource, escalating), 60_000)).toBe(true);
    const alerts: { id: string }[] = await api.dataSource.query(
      `SELECT a.id FROM alerts a JOIN tasks t ON t.id = a.task_id
        WHERE a.woman_id = $1 AND t.owner_role = 'PRE_RELEASE_TEAM' AND a.acknowledged_at IS NULL LIMIT 1`,
      [fixture.women.case.id],
    );
    expect((await users.PRE_RELEASE_TEAM.api.post(`/alerts/${alerts[0].id}/acknowledge`)).status).toBe(200);

    // The sentinel: a last change to each woman. Events reach a socket in sequence order, so once a user has her
    // sentinel she has everything before it that was ever coming.
    for (const woman of women) {
      expect((await users.ADMIN.api.patch(`/women/${woman.id}`, { dateOfBirth: '1989-02-03' })).status).toBe(200);
      const rows: { id: string }[] = await api.dataSource.query(
        `SELECT max(id)::text AS id FROM outbox_events WHERE type = 'woman.updated' AND woman_id = $1`,
        [woman.id],
      );
      sentinels.set(woman.id, Number(rows[0].id));
    }
    const sentinelSeen = (client: BoardClient, events: ReceivedEvent[]) =>
      events.some((e) => e.type === 'woman.updated' && e.womanId !== null && e.seq >= (sentinels.get(e.womanId) ?? 0));
    for (const name of USER_NAMES) {
      const client = live[name];
      const seen = await eventually(() => sentinelSeen(client, client.events), 60_000);
      if (!seen)
        console.log(name, client.connected, client.lastSeq, [...sentinels], worker.output.slice(-20).join('\n'));
      expect({ name, sentinel: seen }).toEqual({ name, sentinel: true });
    }

    // Reconnect as a client that missed it all, on the same rooms, and ask for everything since.
    for (const name of USER_NAMES) {
      replayed[name] = await BoardClient.connect(gateway.url, fixture.users[name].token);
      const joined = admissions[name].joined;
      for (let i = 0; i < joined.length; i += CHUNK) {
        await replayed[name].subscribe(joined.slice(i, i + CHUNK));
      }
      await replayed[name].subscribe([], liveFrom);
      expect({ name, replayed: await eventually(() => replayed[name].replays.length > 0, 15_000) }).toEqual({
        name,
        replayed: true,
      });
    }
  });

  afterAll(async () => {
    Object.values(live).forEach((c) => c.close());
    Object.values(replayed).forEach((c) => c.close());
    await Promise.all([worker?.stop(), gateway?.stop()]);
    await api?.close();
  });

  it('asks about every kind of room libs/events names, so a new kind falls under the oracle', () => {
    expect(Object.keys(ROOM_NAMING).sort()).toEqual(Object.values(RoomKind).sort());
    const kindsAsked = new Set(roomNames.map((r) => parseRoom(r)?.kind).filter((k) => k !== undefined));
    expect([...kindsAsked].sort()).toEqual(Object.values(RoomKind).sort());
    // Every builder in `rooms` makes names of a kind the oracle generates.
    const built = Object.entries(rooms).map(([builder, make]) => [
      builder,
      parseRoom((make as (a: string, b: string) => string)(Role.ADMIN, 'key'))?.kind,
    ]);
    expect(built.filter(([, kind]) => kind === undefined)).toEqual([]);
  });

  it('has made every kind of event the policy must judge', () => {
    const events = live.ADMIN.events.filter((e) => e.seq > liveFrom);
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'pathway.status_changed',
      'assessment.recorded',
      'task.created',
      'task.status_changed',
      'task.note_added',
      'task.claimed',
      'task.deadline_moved',
      'alert.raised',
      'alert.acknowledged',
      'referral.changed',
      'session.changed',
      'woman.updated',
    ]) {
      expect({ type, seen: types.has(type as ReceivedEvent['type']) }).toEqual({ type, seen: true });
    }
    const owners = new Set(events.filter((e) => e.task).map((e) => e.task?.ownerRole));
    expect([...owners].sort()).toEqual([Role.COM, Role.CRS_CASEWORKER, Role.POM, Role.PRE_RELEASE_TEAM].sort());
    expect(events.some((e) => e.task && SENSITIVE_PATHWAYS.includes(e.task.pathway))).toBe(true);
    expect(events.some((e) => e.alert?.kind === AlertKind.ESCALATED)).toBe(true);
    expect(draftIds.every((id) => events.some((e) => e.referral?.id === id))).toBe(true);
    expect(sentIds.every((id) => events.some((e) => e.referral?.id === id && e.referral.sent))).toBe(true);
  });

  it.each(USER_NAMES)('admits %s to exactly the rooms the visibility policy allows', (name) => {
    const { joined, refused } = admissions[name];
    expect(refused.map((r) => r.room).filter((room) => expectedAdmission(name, room))).toEqual([]);
    expect(joined.filter((room) => !expectedAdmission(name, room))).toEqual([]);
    expect(joined.length + refused.length).toBe(roomNames.length);
  });

  it('refuses the woman room to those who see only part of her case, and other teams’ rooms', () => {
    const caseRoom = rooms.woman(fixture.women.case.id);
    for (const name of ['GOVERNOR', 'REGIONAL_MANAGER', 'CRS_CASEWORKER'] as OracleUserName[]) {
      expect({ name, joined: admissions[name].joined.includes(caseRoom) }).toEqual({ name, joined: false });
    }
    for (const name of ['PRE_RELEASE_TEAM', 'POM', 'COM', 'ADMIN'] as OracleUserName[]) {
      expect({ name, joined: admissions[name].joined.includes(caseRoom) }).toEqual({ name, joined: true });
    }
    expect(roomAudience(RoomKind.WOMAN, null)).not.toContain(Role.GOVERNOR);
    expect(admissions.OTHER_CASELOAD_COM.joined).not.toContain(rooms.woman(fixture.women.case.id));
    expect(admissions.OTHER_PRISON_PRE_RELEASE_TEAM.joined).not.toContain(rooms.prison(OWN_PRISON));
    expect(admissions.OTHER_PROVIDER_CRS_CASEWORKER.joined).not.toContain(rooms.provider(fixture.providers.own.id));
  });

  it.each(USER_NAMES)('sends %s, live, nothing the visibility policy forbids her', (name) => {
    const events = live[name].events;
    expect(events.length).toBeGreaterThan(0);
    expect(violations(name, events)).toEqual([]);
  });

  it.each(USER_NAMES)('replays to %s what she missed, the same as live and nothing the policy forbids', (name) => {
    const [replay] = replayed[name].replays;
    expect(replayed[name].replays).toHaveLength(1);
    expect(violations(name, replay.events)).toEqual([]);
    // Up to the last sentinel she received live: everything before it had reached her.
    const bound = Math.max(
      ...live[name].events
        .filter((e) => e.womanId !== null && e.seq >= (sentinels.get(e.womanId) ?? Infinity))
        .map((e) => e.seq),
    );
    const window = (events: ReceivedEvent[]) =>
      events.map((e) => e.seq).filter((seq) => seq > liveFrom && seq <= bound);
    expect(window(replay.events).length).toBeGreaterThan(0);
    expect(window(replay.events)).toEqual(window(live[name].events));
  });

  it('tells her COM, in her own room, of a concern raised in a session’s feedback', () => {
    const concerns = live.COM.events.filter((e) => e.seq > liveFrom && e.type === 'session.concern_raised');
    expect(concerns.length).toBeGreaterThan(0);
  });

  it('tells each holder what is hers: the caseworker her sent referral, the managers their escalations', () => {
    const { users } = fixture;
    const crsEvents = live.CRS_CASEWORKER.events;
    expect(crsEvents.some((e) => e.referral?.id === sentIds[0])).toBe(true);
    expect(crsEvents.some((e) => e.task?.ownerRole === Role.CRS_CASEWORKER)).toBe(true);
    const escalated = (name: OracleUserName, owner: Role) =>
      live[name].events.some(
        (e) =>
          e.alert?.kind === AlertKind.ESCALATED && e.task?.ownerRole === owner && e.womanId === fixture.women.case.id,
      );
    expect(escalated('PRE_RELEASE_TEAM', Role.PRE_RELEASE_TEAM)).toBe(true);
    // Her own woman's escalation reaches the COM manager in her user room; her colleague's woman's does not.
    expect(escalated('COM', Role.COM)).toBe(true);
    expect(live.COM.events.some((e) => e.womanId === fixture.women.neighbour.id)).toBe(false);
    expect(live.GOVERNOR.events.some((e) => e.task?.pathway === Pathway.ACCOMMODATION)).toBe(true);
    expect(users.COM.isManager).toBe(true);
  });
});
