import type { VersionName } from './profiles';

/**
 * Every reply text the simulator produces. Values the reference marks [U] (unverified) are here so
 * that a test or a demo can override them; tests compare against the table, never against literals
 * for [U] entries.
 */
export type SimMessages = {
  invalidLogin: string;
  legacyInvalidLogin: string;
  notAllowed: string;
  notEnoughPermissions: string;
  notLoggedIn: string;
  sessionTerminated: string;
  interrupted: string;
  noSuchItem: string;
  noSuchCommand: string;
  noSuchCommandPrefix: string;
  noSuchDirectory: (segment: string) => string;
  unknownParameter: (name: string) => string;
  inputDoesNotMatch: (arg: string) => string;
  duplicateSecret: string;
  duplicateHotspotUser: string;
  duplicateName: string;
  duplicateEntry: string;
  /** [U] */ duplicatePppProfile: string;
  /** [U] */ duplicateUser: string;
  /** [U] */ duplicateHotspotProfile: string;
  /** [U] */ missingMandatory: (name: string) => string;
  /** [U] */ readOnlyProperty: (name: string) => string;
  /** [U] */ cannotRemoveBuiltin: string;
  /** [U] */ messageTooLong: string;
  /** [U] reply to `#` and other non-`/` command words. */ keepaliveTrap: string;
  /** [U] */ invalidValue: (name: string) => string;
  /** [U] */ onlyOneRefused: string;
  queueLimitUpload: string;
  /** [U] */ queueLimitDownload: string;
  /** [U] `last-disconnect-reason` written by `/ppp/active/remove`. */ kickReason: string;
  /** [U] `last-disconnect-reason` written for sessions ended by a reboot. */ rebootReason: string;
};

const base: SimMessages = {
  invalidLogin: 'invalid user name or password (6)',
  legacyInvalidLogin: 'cannot log in',
  notAllowed: 'std failure: not allowed (9)',
  notEnoughPermissions: 'not enough permissions (9)',
  notLoggedIn: 'not logged in',
  sessionTerminated: 'session terminated on request',
  interrupted: 'interrupted',
  noSuchItem: 'no such item',
  noSuchCommand: 'no such command',
  noSuchCommandPrefix: 'no such command prefix',
  noSuchDirectory: (segment) => `no such command or directory (${segment})`,
  unknownParameter: (name) => `unknown parameter ${name}`,
  inputDoesNotMatch: (arg) => `input does not match any value of ${arg}`,
  duplicateSecret: 'failure: secret with the same name already exists',
  duplicateHotspotUser: 'failure: already have user with this name for this server',
  duplicateName: 'failure: already have such name',
  duplicateEntry: 'failure: already have such entry',
  duplicatePppProfile: 'failure: already have profile with this name',
  duplicateUser: 'failure: user with the same name already exists',
  duplicateHotspotProfile: 'failure: already have such name',
  missingMandatory: (name) => `failure: ${name} not specified`,
  readOnlyProperty: (name) => `failure: ${name} is read-only`,
  cannotRemoveBuiltin: 'failure: cannot remove builtin item',
  messageTooLong: 'message too long',
  keepaliveTrap: 'no such command prefix',
  invalidValue: (name) => `input does not match any value of ${name}`,
  onlyOneRefused: 'only one session allowed',
  queueLimitUpload: 'failure: upload-max-limit less than upload-limit',
  queueLimitDownload: 'failure: download-max-limit less than download-limit',
  kickReason: 'nas-request',
  rebootReason: 'reboot',
};

const v6: Partial<SimMessages> = {
  notEnoughPermissions: 'failure: not enough permissions',
  unknownParameter: () => 'unknown parameter',
};

export const messagesFor = (
  version: VersionName,
  overrides?: Partial<SimMessages>,
): SimMessages => ({
  ...base,
  ...(version.startsWith('6.') ? v6 : {}),
  ...overrides,
});
