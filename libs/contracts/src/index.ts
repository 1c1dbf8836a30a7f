/**
 * The contract between the API, the gateway, the worker, the web app and the tests: the enums a client
 * needs, the view types of every response, the board events and the typed socket.io event maps, room
 * name builders and the capability vocabulary. Pure TypeScript: no Nest, no TypeORM, no Node built-ins,
 * so Vite can bundle it into the web app.
 */
export * from './roles';
export * from './pathways';
export * from './tasks';
export * from './women';
export * from './assessments';
export * from './alerts';
export * from './referrals';
export * from './referral-reasons';
export * from './delivery-sessions';
export * from './release-day';
export * from './finance';
export * from './keywork';
export * from './accommodation';
export * from './reports';
export * from './audit';
export * from './users';
export * from './api-errors';
export * from './reference';
export * from './common';
export * from './board-events';
export * from './socket-events';
export * from './rooms';
export * from './capabilities';
