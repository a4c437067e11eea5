import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../sync-server/src/modules/access/actor.js';
import { assertAllowed, CAMPAIGN_ACTIONS, decideCreatorAssignment, isAllowed, type CampaignAction } from '../../sync-server/src/modules/access/permissions.js';
import { isAppError } from '../../sync-server/src/platform/errors/app-error.js';

// The matrix as the spec reads (000 §2, 003 RBAC), written out independently of the module: Y = allowed.
// A client reads the campaigns of their brands and exports them; money only by a tenant setting
// (below). A station rep has nothing until media plans arrive (issue 17).
//                                              admin lead finance viewer client station_rep
const EXPECTED: Record<CampaignAction, string> = {
  'campaign.view':                              'Y Y Y Y Y .',
  'campaign.create':                            'Y Y . . . .',
  'campaign.edit':                              'Y Y . . . .',
  'campaign.delete':                            'Y . . . . .',
  'campaign.duplicate':                         'Y Y . . . .',
  'campaign.transition.plan':                   'Y Y . . . .',
  'campaign.transition.start':                  'Y Y . . . .',
  'campaign.transition.pause':                  'Y Y . . . .',
  'campaign.transition.resume':                 'Y Y . . . .',
  'campaign.transition.finish':                 'Y . . . . .',
  'campaign.transition.cancel':                 'Y . . . . .',
  'campaign.budget.view':                       'Y Y Y . . .',
  'campaign.budget.edit':                       'Y . . . . .',
  'campaign.kpi.edit':                          'Y Y . . . .',
  'campaign.creators.assign':                   'Y Y . . . .',
  'campaign.creators.assign_blacklisted':       'Y . . . . .',
  'campaign.products.assign':                   'Y Y . . . .',
  'campaign.export':                            'Y Y Y . Y .',
  'campaign.insights.edit':                     'Y Y . . . .',
  'campaign.history.view':                      'Y Y Y Y . .',
  'creator.erase':                              'Y . . . . .',
  'payment.mark_paid':                          'Y . Y . . .',
};

const cases = CAMPAIGN_ACTIONS.flatMap((action) =>
  ROLES.map((role, index) => ({ role, action, isExpected: EXPECTED[action].split(' ')[index] === 'Y' })),
);

describe('campaign permission matrix (every role × every action)', () => {
  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CAMPAIGN_ACTIONS].sort());
  });

  it.each(cases)('$role → $action: allowed=$isExpected', ({ role, action, isExpected }) => {
    const actor = { role, label: `${role}@example.com` };
    expect(isAllowed(actor, action)).toBe(isExpected);
    if (isExpected) {
      expect(() => assertAllowed(actor, action)).not.toThrow();
    } else {
      let error: unknown;
      try {
        assertAllowed(actor, action);
      } catch (caught) {
        error = caught;
      }
      expect(isAppError(error) && error.code === 'FORBIDDEN' && error.reason === 'PERMISSION_DENIED').toBe(true);
      // The refusal names the role as a person reads it ("station rep", not the code).
      expect(isAppError(error) ? error.userMessage : '').toContain(role.replace('_', ' '));
    }
  });
});

describe('rights a tenant grants by a setting', () => {
  it('a client sees money only when their tenant sets clientsSeeMoney (resolved onto the actor at sign-in)', () => {
    expect(isAllowed({ role: 'client' }, 'campaign.budget.view')).toBe(false);
    expect(isAllowed({ role: 'client', canSeeMoney: false }, 'campaign.budget.view')).toBe(false);
    expect(isAllowed({ role: 'client', canSeeMoney: true }, 'campaign.budget.view')).toBe(true);
    // The setting is a client's: it gives a viewer or a station rep nothing, and never the right to change money.
    expect(isAllowed({ role: 'viewer', canSeeMoney: true }, 'campaign.budget.view')).toBe(false);
    expect(isAllowed({ role: 'station_rep', canSeeMoney: true }, 'campaign.budget.view')).toBe(false);
    expect(isAllowed({ role: 'client', canSeeMoney: true }, 'campaign.budget.edit')).toBe(false);
  });
});

describe('assigning risky creators', () => {
  it.each(ROLES)('%s may assign an active creator without a warning', (role: Role) => {
    expect(decideCreatorAssignment({ role }, { name: 'Linh', status: 'active' })).toEqual({ isAllowed: true });
  });

  it('assigning a watchlist creator is allowed with a warning', () => {
    const decision = decideCreatorAssignment({ role: 'lead' }, { name: 'Linh', status: 'watchlist' });
    expect(decision).toEqual({ isAllowed: true, warning: expect.stringContaining('watchlist') });
  });

  it('a lead assigning a blacklisted creator is refused with CREATOR_BLACKLISTED; an admin may, with a warning', () => {
    expect(decideCreatorAssignment({ role: 'lead' }, { name: 'Tú', status: 'blacklist' })).toMatchObject({ isAllowed: false, reason: 'CREATOR_BLACKLISTED' });
    expect(decideCreatorAssignment({ role: 'admin' }, { name: 'Tú', status: 'blacklist' })).toMatchObject({ isAllowed: true, warning: expect.stringContaining('blacklisted') });
  });
});
