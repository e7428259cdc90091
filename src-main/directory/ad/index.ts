// What the rest of the product uses of the Active Directory adapter. Only this folder imports ldapts, and code
// outside it imports only this file (both are lint rules, proved in test/unit/architecture.test.ts).
export { forEachAdAccount, type ReportAccount } from './accounts.js';
export type { AdConnectionSettings } from './connection.js';
export { AdDirectory, type PoolStats } from './directory.js';
export { describeError, ldapCode } from './errors.js';
export { pickPolicyHintsOid } from './policy-hints.js';
export { canRead, readAttributeSchema, SEARCH_FLAG_CONFIDENTIAL, SYSTEM_FLAG_BASE_SCHEMA } from './confidential.js';
export { probeServiceAccount, probeTls, readPolicyOverview, readStoredValues, type PsoListing } from './probes.js';
export { adConnectionSettings } from './settings.js';
export { AdDeskDirectory, type AdAgent, type AgentGroups, type AgentRole } from './desk.js';
