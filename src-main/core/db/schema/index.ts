export * from './staff';
export * from './activity-log';
