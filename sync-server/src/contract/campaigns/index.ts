/** The Campaigns contract shared by the server and the add-on (no Node, Express or Prisma). */
export * from './campaign-brief.js';
export * from './campaign-lifecycle.js';
export * from './campaign-health.js';
export * from './campaign-metrics.js';
