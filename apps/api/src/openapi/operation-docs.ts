/**
 * What the API document says about each operation, in one table rather than in decorators on every handler:
 * its summary, who may call it, what it answers on success, and the refusals its service can really give.
 *
 * Keyed by "METHOD /path" exactly as the path appears in the document. document-post-processor.ts applies the
 * table and fails when an operation has no entry or an entry names no operation, so a new endpoint cannot land
 * undocumented. What the document already shows is not restated here; the post-processor derives it:
 * - 400 (the error body naming the field) for every operation with a body, a query or a path parameter;
 * - 413 for every operation with a body (body-parser's limit, common/body-parser-errors.filter.ts);
 * - 404 for every operation with a path parameter (no such record, or not in the caller's scope);
 * - 401 and the bearer scheme for every operation whose access is `user`;
 * - 503 (database unavailable, common/database-unavailable.ts) for every operation but the health checks.
 *
 * Response types are named, not imported: the build generates their JSON Schema from the exported TypeScript
 * type of that name wherever it lives (generate-response-schemas.ts), so views can move between modules freely.
 */

/** A schema name (`TaskView`), a list of one (`TaskView[]`), or one page of a list (`Page<TaskView>`). */
export type ResponseBody = string;

/** Statuses an operation answers with beyond those derived from its shape (see the header). */
/** 404 is implied by a path parameter; list it only for an operation that answers it without one. */
export type RefusalStatus = 401 | 403 | 404 | 409 | 422 | 429;

export type Access =
  /** A signed-in user's bearer token (the API's JWT). */
  | 'user'
  /** No token: health, sign-in, what the web app needs before sign-in. */
  | 'public'
  /** HMPPS's event forwarder, with the shared HMPPS_EVENTS_TOKEN as a bearer token. */
  | 'hmpps';

export interface OperationDoc {
  summary: string;
  access: Access;
  /**
   * The success status and its JSON body; `csv` also offers the body as a text/csv download (?format=csv). A `pdf`
   * operation answers a PDF document (application/pdf) and no JSON.
   */
  success:
    | { status: 200 | 201; body: ResponseBody; csv?: true; pdf?: never }
    | { status: 200; pdf: string; body?: never; csv?: never };
  refusals?: RefusalStatus[];
}

/** Every refusal a state-changing casework operation may give: a role or scope refusal, or a stale version. */
const CHANGE_REFUSALS: RefusalStatus[] = [403, 409];

const report = (summary: string): OperationDoc => ({
  summary,
  access: 'user',
  success: { status: 200, body: 'ReportResult', csv: true },
  refusals: [403],
});

const referralAction = (summary: string): OperationDoc => ({
  summary,
  access: 'user',
  success: { status: 200, body: 'ReferralDetailView' },
  refusals: [403, 409, 422],
});

export const OPERATION_DOCS: Readonly<Record<string, OperationDoc>> = {
  'GET /health/live': {
    summary: 'Liveness: the process is up',
    access: 'public',
    success: { status: 200, body: 'HealthAnswer' },
  },
  'GET /health/ready': {
    summary: 'Readiness: PostgreSQL and Redis both answer (503 naming the one that does not)',
    access: 'public',
    success: { status: 200, body: 'HealthAnswer' },
  },
  'POST /auth/login': {
    summary:
      'Sign in with username and password; answers a bearer token (429 after too many failures, 403 when LOCAL_SIGN_IN=off)',
    access: 'public',
    success: { status: 200, body: 'LoginResult' },
    refusals: [401, 403, 429],
  },
  'POST /auth/oidc/session': {
    summary:
      'The issuer’s fresh access token for the sign-in whose HttpOnly cookie the OIDC callback left (404 when single sign-on is not configured)',
    access: 'public',
    success: { status: 200, body: 'LoginResult' },
    refusals: [401, 403, 404],
  },
  'POST /auth/oidc/sign-out': {
    summary: 'Ends the single sign-on session here; answers the issuer’s end-session URL when it has one',
    access: 'public',
    success: { status: 200, body: 'SignOutResult' },
    refusals: [404],
  },
  'POST /auth/refresh': {
    summary: 'A fresh token for a still-valid one, within the sign-in session’s maximum',
    access: 'user',
    success: { status: 200, body: 'LoginResult' },
  },
  'GET /auth/me': {
    summary: 'The signed-in user: role and scope',
    access: 'user',
    success: { status: 200, body: 'AuthenticatedUser' },
  },
  'GET /prisons': {
    summary: 'The women’s prisons',
    access: 'user',
    success: { status: 200, body: 'PrisonEntity[]' },
  },
  'GET /release-areas': {
    summary: 'Release areas with the CRS provider assigned to each',
    access: 'user',
    success: { status: 200, body: 'ReleaseAreaView[]' },
  },
  'GET /providers': {
    summary: 'The CRS providers',
    access: 'user',
    success: { status: 200, body: 'ProviderEntity[]' },
  },
  'POST /providers': {
    summary: 'Add a CRS provider (admin)',
    access: 'user',
    success: { status: 201, body: 'ProviderEntity' },
    refusals: [403, 409],
  },
  'PATCH /providers/{id}': {
    summary: 'Rename a CRS provider or change its contact (admin)',
    access: 'user',
    success: { status: 200, body: 'ProviderEntity' },
    refusals: [403, 409],
  },
  'PUT /release-areas/{code}/provider': {
    summary: 'Assign the CRS provider of a release area (admin)',
    access: 'user',
    success: { status: 200, body: 'ReleaseAreaView' },
    refusals: [403],
  },
  'GET /client-config': {
    summary: 'The gateway URL for the web app (null: port 3001 of the same host) and the ways to sign in',
    access: 'public',
    success: { status: 200, body: 'ClientConfig' },
  },
  'GET /women': {
    summary: 'The women in your scope, soonest release first, with task counts and warnings',
    access: 'user',
    success: { status: 200, body: 'Page<WomanBoardRow>' },
  },
  'POST /women': {
    summary: 'Add a woman to a prison in your scope; her resettlement plan is made from the catalogue',
    access: 'user',
    success: { status: 201, body: 'WomanView' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /women/{id}': {
    summary: 'Her record: pathways, tasks, handover, warnings and history, as the visibility policy allows',
    access: 'user',
    success: { status: 200, body: 'WomanDetailView' },
    refusals: [403],
  },
  'PATCH /women/{id}': {
    summary: 'Correct her record (release dates re-date her plan)',
    access: 'user',
    success: { status: 200, body: 'WomanView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /women/{id}/release-day-request': {
    summary: 'Her COM asks that she go one more working day early; her walk-out day and tasks move at once',
    access: 'user',
    success: { status: 200, body: 'WomanView' },
    refusals: CHANGE_REFUSALS,
  },
  'DELETE /women/{id}/release-day-request': {
    summary: 'Her COM withdraws the request: she goes back to the day the rules alone give',
    access: 'user',
    success: { status: 200, body: 'WomanView' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /women/{womanId}/assessments': {
    summary: 'Her needs assessments, newest first',
    access: 'user',
    success: { status: 200, body: 'AssessmentEntity[]' },
    refusals: [403],
  },
  'POST /women/{womanId}/assessments': {
    summary: 'Record a needs assessment; each pathway outcome updates her plan',
    access: 'user',
    success: { status: 201, body: 'RecordedChange' },
    refusals: CHANGE_REFUSALS,
  },
  'PUT /women/{womanId}/pathways/{pathway}': {
    summary: 'Set one pathway’s status (a need identified adds its tasks; none needed closes them)',
    access: 'user',
    success: { status: 200, body: 'RecordedChange' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /tasks': {
    summary: 'Tasks in your scope, filtered and paged, soonest deadline first',
    access: 'user',
    success: { status: 200, body: 'Page<TaskView>' },
  },
  'GET /tasks/{id}': {
    summary: 'One task with its notes (notes only to the roles the visibility policy names)',
    access: 'user',
    success: { status: 200, body: 'TaskDetailView' },
    refusals: [403],
  },
  'POST /tasks/{id}/claim': {
    summary: 'Claim a task (exclusive: of simultaneous claims one wins; the others get 409 naming the holder)',
    access: 'user',
    success: { status: 200, body: 'TaskView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /tasks/{id}/release': {
    summary: 'Give up your claim on a task',
    access: 'user',
    success: { status: 200, body: 'TaskView' },
    refusals: CHANGE_REFUSALS,
  },
  'PATCH /tasks/{id}/status': {
    summary: 'Move a task on (start, block, complete, not needed), from the version you read',
    access: 'user',
    success: { status: 200, body: 'TaskView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /tasks/{id}/notes': {
    summary: 'Add a note to a task',
    access: 'user',
    success: { status: 201, body: 'TaskDetailView' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /task-catalogue': {
    summary: 'The task catalogue: what each pathway’s tasks are, who owns them and when they fall due',
    access: 'user',
    success: { status: 200, body: 'TaskCatalogueEntryEntity[]' },
  },
  'PATCH /task-catalogue/{key}': {
    summary: 'Change a catalogue entry (admin); plans made from then on use it',
    access: 'user',
    success: { status: 200, body: 'TaskCatalogueEntryEntity' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /alerts': {
    summary: 'Open alerts for your tasks and your teams',
    access: 'user',
    success: { status: 200, body: 'AlertView[]' },
  },
  'POST /alerts/{id}/acknowledge': {
    summary: 'Acknowledge an alert: its task’s escalation ladder stops for the current deadlines',
    access: 'user',
    success: { status: 200, body: 'AlertSummary' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /users': {
    summary: 'Every user with role, scope and status (admin)',
    access: 'user',
    success: { status: 200, body: 'UserView[]' },
    refusals: [403],
  },
  'PATCH /users/{id}': {
    summary: 'Change a user’s role, scope or status (admin); takes effect at once, open sockets included',
    access: 'user',
    success: { status: 200, body: 'UserView' },
    refusals: [403],
  },
  'GET /users/me/settings': {
    summary: 'Your contact details (e-mail, mobile) and which GOV.UK Notify messages you want',
    access: 'user',
    success: { status: 200, body: 'UserSettingsView' },
  },
  'PATCH /users/me/settings': {
    summary: 'Change your contact details or message preferences (audited)',
    access: 'user',
    success: { status: 200, body: 'UserSettingsView' },
  },
  'PATCH /users/{id}/settings': {
    summary: 'Change a user’s contact details or message preferences (admin; audited)',
    access: 'user',
    success: { status: 200, body: 'UserSettingsView' },
    refusals: [403],
  },
  'GET /referrals': {
    summary: 'Referrals in your scope, most urgent first (a provider’s queue for caseworkers)',
    access: 'user',
    success: { status: 200, body: 'Page<ReferralView>' },
  },
  'GET /referrals/{id}': {
    summary: 'One referral with its history, as the visibility policy allows',
    access: 'user',
    success: { status: 200, body: 'ReferralDetailView' },
    refusals: [403],
  },
  'PATCH /referrals/{id}': {
    summary: 'Edit a draft or returned referral',
    access: 'user',
    success: { status: 200, body: 'ReferralDetailView' },
    refusals: [403, 409, 422],
  },
  'POST /women/{womanId}/referrals': {
    summary: 'Start a draft referral to the CRS provider of her release area',
    access: 'user',
    success: { status: 201, body: 'ReferralDetailView' },
    refusals: [403, 409, 422],
  },
  'POST /referrals/{id}/send': referralAction('Send the referral to the provider (400 naming what is missing)'),
  'POST /referrals/{id}/claim': referralAction('A caseworker takes the referral (exclusive: the loser hears who won)'),
  'POST /referrals/{id}/book-assessment': referralAction('Book the provider’s initial assessment'),
  'POST /referrals/{id}/action-plan': referralAction('Submit the action plan for the referrer’s approval'),
  'POST /referrals/{id}/approve-action-plan': referralAction('Approve the provider’s action plan'),
  'POST /referrals/{id}/start-delivery': referralAction('Start delivering the service'),
  'POST /referrals/{id}/end': referralAction('End the service with the end-of-service report'),
  'POST /referrals/{id}/withdraw': referralAction(
    'Withdraw the referral with a withdrawal reason code (and free text, required for ANO)',
  ),
  'POST /referrals/{id}/return': referralAction(
    'The provider sends it back to the referrer with a return reason code and what is missing',
  ),
  'GET /referrals/{id}/sessions': {
    summary: 'The referral’s delivery sessions, and whether you may book another (feedback only with risk detail)',
    access: 'user',
    success: { status: 200, body: 'DeliverySessionsView' },
  },
  'POST /referrals/{id}/sessions': {
    summary: 'Book a delivery session (after the action plan is approved; in the future; a place if in person)',
    access: 'user',
    success: { status: 201, body: 'DeliverySessionView' },
    refusals: [403, 409],
  },
  'PATCH /sessions/{id}': {
    summary: 'Move a session not yet held to a new time, method or place, from the version you read',
    access: 'user',
    success: { status: 200, body: 'DeliverySessionView' },
    refusals: [403, 409],
  },
  'POST /sessions/{id}/attendance': {
    summary:
      'Record attendance (YES, LATE, NO with a reason) and feedback once the session has started; NO opens a follow-up task, a concern tells her COM',
    access: 'user',
    success: { status: 200, body: 'DeliverySessionView' },
    refusals: [403, 409],
  },
  'GET /women/{womanId}/bank-account': {
    summary: 'Her eligibility (with reasons), any barrier, and her applications with their status logs',
    access: 'user',
    success: { status: 200, body: 'BankAccountView' },
    refusals: [403],
  },
  'PUT /women/{womanId}/bank-account/barrier': {
    summary: 'Record or clear a barrier to her opening an account (her task gives way to the alternative)',
    access: 'user',
    success: { status: 200, body: 'BankAccountView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /women/{womanId}/bank-account/applications': {
    summary: 'Apply (one active application per woman; 422 with the reasons when she is not eligible)',
    access: 'user',
    success: { status: 201, body: 'BankAccountView' },
    refusals: [403, 409, 422],
  },
  'POST /bank-account-applications/{id}/status': {
    summary: 'Move a bank account application on, from the version you read',
    access: 'user',
    success: { status: 200, body: 'BankAccountView' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /women/{womanId}/id-documents': {
    summary: 'Each document with its lead time and apply-by date, and her applications',
    access: 'user',
    success: { status: 200, body: 'IdDocumentsView' },
    refusals: [403],
  },
  'POST /women/{womanId}/id-documents': {
    summary: 'Record an application (one active per document type); a task tracks its arrival',
    access: 'user',
    success: { status: 201, body: 'IdDocumentsView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /id-document-applications/{id}/outcome': {
    summary: 'Record that the document arrived or was refused, from the version you read',
    access: 'user',
    success: { status: 200, body: 'IdDocumentsView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /recalls': {
    summary:
      'Receive her back on recall, on reception’s evidence: prison number, surname and date of birth must all match',
    access: 'user',
    success: { status: 200, body: 'WomanView' },
    // A mismatch of prison number, surname or date of birth is one 404 that names no part.
    refusals: [...CHANGE_REFUSALS, 404],
  },
  'POST /women/{id}/recall': {
    summary:
      'Recall a woman already in your scope (an administrator, in practice); a receiving prison uses POST /recalls',
    access: 'user',
    success: { status: 200, body: 'WomanView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /women/{id}/transfer': {
    summary: 'Transfer her to another prison; her plan and its tasks go with her',
    access: 'user',
    success: { status: 200, body: 'WomanView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /women/{id}/release': {
    summary: 'Record her release; the post-release checkpoints are planned',
    access: 'user',
    success: { status: 200, body: 'WomanView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /hmpps/domain-events': {
    summary: 'HMPPS prison-offender-events (prisoner.received, prisoner.released); idempotent by eventId',
    access: 'hmpps',
    success: { status: 200, body: 'HmppsEventReceipt' },
  },
  'GET /women/{womanId}/release-day': {
    summary: 'Her release-day plan with the feasibility warnings',
    access: 'user',
    success: { status: 200, body: 'ReleaseDayPlanView' },
    refusals: [403],
  },
  'PUT /women/{womanId}/release-day': {
    summary: 'Update her release-day checklist and notes, from the version you read',
    access: 'user',
    success: { status: 200, body: 'ReleaseDayPlanView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /women/{womanId}/release-day/appointments': {
    summary: 'Add an appointment to her release day',
    access: 'user',
    success: { status: 201, body: 'ReleaseDayPlanView' },
    refusals: CHANGE_REFUSALS,
  },
  'DELETE /women/{womanId}/release-day/appointments/{appointmentId}': {
    summary: 'Remove an appointment from her release day',
    access: 'user',
    success: { status: 200, body: 'ReleaseDayPlanView' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /travel-times': {
    summary: 'The travel-time table the release-day feasibility check uses',
    access: 'user',
    success: { status: 200, body: 'TravelTimeView[]' },
  },
  'PUT /travel-times': {
    summary: 'Replace the travel-time table (admin)',
    access: 'user',
    success: { status: 200, body: 'TravelTimeView[]' },
    refusals: [403],
  },
  'GET /women/{womanId}/accommodation-outcomes': {
    summary: 'Her latest release and the accommodation recorded on the night and at 12 weeks',
    access: 'user',
    success: { status: 200, body: 'AccommodationOutcomesView' },
  },
  'POST /women/{womanId}/accommodation-outcomes': {
    summary: 'Record (or correct) a checkpoint of her latest release; completes its task',
    access: 'user',
    success: { status: 201, body: 'AccommodationOutcomeView' },
    refusals: CHANGE_REFUSALS,
  },
  'GET /women/{womanId}/keywork': {
    summary: 'Her keywork: target in weeks, last session, when the next is due, and her sessions (no content)',
    access: 'user',
    success: { status: 200, body: 'KeyworkView' },
    refusals: [403],
  },
  'POST /women/{womanId}/keywork/sessions': {
    summary: 'Record that a keywork session took place (day and keyworker); completes her keywork task',
    access: 'user',
    success: { status: 201, body: 'KeyworkView' },
    refusals: CHANGE_REFUSALS,
  },
  'PUT /women/{womanId}/keywork/target': {
    summary: 'Set how often she should have a keywork session (1 to 12 weeks); re-dates her keywork task',
    access: 'user',
    success: { status: 200, body: 'KeyworkView' },
    refusals: CHANGE_REFUSALS,
  },
  'POST /women/{id}/release-plan': {
    summary:
      'Print her release plan: a plain-language PDF in English or Welsh for her to keep (what is ticked in is audited)',
    access: 'user',
    success: { status: 200, pdf: 'Her release plan, A4, to print or save' },
    refusals: [403],
  },
  'GET /reports/overdue-work': report(
    'Open overdue and at-risk tasks by team, provider, pathway and prison, aged in working days',
  ),
  'GET /reports/overdue-work/tasks': report('Drill down: the tasks behind an overdue figure'),
  'GET /reports/overdue-trend': report('Overdue tasks at the end of each of the last 12 weeks, per prison'),
  'GET /reports/release-readiness': report(
    'Women released in the next 14 days with release-critical tasks open, and what is missing',
  ),
  'GET /reports/provider-accountability': report(
    'Per CRS provider: referrals, stage times against deadlines, returns and withdrawals by reason code, outcomes',
  ),
  'GET /reports/referral-timeliness': report('From need identified to referral sent, by referrer role'),
  'GET /reports/accommodation-outcomes': report('Housed on the night of release and at 12 weeks, per releasing prison'),
  'GET /reports/alerts': report('Alerts fired, how fast they were acknowledged, and escalations by level'),
  'GET /reports/keywork': report('Keywork sessions in the period, women with keywork overdue and % within target'),
};

/** The JSON response schema names the table uses (a PDF operation has none). */
export function jsonBodies(docs: readonly OperationDoc[]): ResponseBody[] {
  return docs.flatMap((doc) => (doc.success.body === undefined ? [] : [doc.success.body]));
}

/** The schema names a table entry refers to (`Page<TaskView>` and `TaskView[]` both name `TaskView`). */
export function schemaNameOf(body: ResponseBody): string {
  return body.replace(/^Page<(.+)>$/, '$1').replace(/\[\]$/, '');
}
