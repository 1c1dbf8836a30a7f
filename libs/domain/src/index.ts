/** @app/domain: the pure resettlement rules. No Nest, no I/O. */
export * from './prisons';
export * from './release-areas';
export * from './roles';
export * from './pathways';
export * from './woman';
export * from './assessments';
export * from './tasks';
export * from './task-template';
export * from './access-scope';
export * from './calendar';
export * from './release-date';
export * from './deadlines';
export * from './eligibility';
export * from './task-status-machine';
export * from './default-task-catalogue';
export * from './task-planning';
export * from './task-permissions';
