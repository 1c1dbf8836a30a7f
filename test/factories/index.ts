/** Factories: each suite makes its own providers, areas, users and women, so suites never share rows. */
export * from './dates';
export * from './reference.factory';
export * from './unique';
export * from './users.factory';
export * from './women.factory';
export * from './casework.factory';
export * from './reports.factory';
export * from './policy-fixture.factory';
export * from './room-policy.factory';
export * from './crs-work.factory';
