export * from './staff';
export * from './activity-log';
export * from './plans';
export * from './clients';
export * from './billing';
export * from './saved-searches';
export * from './routers';
export * from './jobs';
