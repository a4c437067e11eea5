/**
 * The sidebar's admin section (runs in the browser): the tenant's users and their roles, invite
 * by email, deactivate and reactivate, and API tokens (create, shown once with a copy button;
 * list; revoke). It exists only for admins: the Apps Script side asks the server, and a non-admin
 * gets `{ isAdmin: false }`, so nothing is drawn.
 *
 * Its own view in its own file; the sidebar page gives it the bridge, the translations and a
 * way to redraw, and hands it the clicks and changes on its elements (`data-admin-action`).
 */
import { USER_ROLES, type AdminUser, type CreatedToken, type UserRole } from '../../../../sync-server/src/contract/admin-payloads.js';
import type { AdminPanel, InviteInput } from '../admin-actions.js';
import type { MessageKey } from '../i18n.js';

export type AdminPanelHost = {
  call<T>(name: string, ...args: unknown[]): Promise<T>;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  render(): void;
  notify(kind: 'info' | 'error', text: string): void;
};

type AdminState = {
  panel: AdminPanel | null;
  invite: { email: string; displayName: string; role: UserRole; brands: string };
  token: { email: string; name: string };
  /** The token just created: shown until the admin dismisses it, never again. */
  created: CreatedToken | null;
  isBusy: boolean;
};

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function createAdminPanel(host: AdminPanelHost) {
  const { t } = host;
  const state: AdminState = {
    panel: null,
    invite: { email: '', displayName: '', role: 'viewer', brands: '' },
    token: { email: '', name: '' },
    created: null,
    isBusy: false,
  };

  const roleLabel = (role: UserRole): string => t(`userRole.${role}` as MessageKey);
  const roleOptions = (selected: UserRole): string => USER_ROLES.map((role) => `<option value="${role}" ${role === selected ? 'selected' : ''}>${escapeHtml(roleLabel(role))}</option>`).join('');

  function renderUser(user: AdminUser): string {
    const brands = user.brands.length ? ` · ${escapeHtml(user.brands.join(', '))}` : '';
    return `<div class="item" data-test="admin-user" data-email="${escapeHtml(user.email)}">
      <div class="title">${escapeHtml(user.displayName)}${user.isActive ? '' : ` <span class="chip blacklist">${escapeHtml(t('admin.inactive'))}</span>`}</div>
      <div class="sub">${escapeHtml(user.email)}${brands}</div>
      <div class="transitions"><select data-admin-field="role" data-email="${escapeHtml(user.email)}" aria-label="${escapeHtml(t('admin.role'))}" ${state.isBusy ? 'disabled' : ''}>${roleOptions(user.role)}</select>
        <button class="btn small" data-admin-action="${user.isActive ? 'deactivate' : 'reactivate'}" data-email="${escapeHtml(user.email)}" data-test="${user.isActive ? 'admin-deactivate' : 'admin-reactivate'}" ${state.isBusy ? 'disabled' : ''}>${escapeHtml(t(user.isActive ? 'admin.deactivate' : 'admin.reactivate'))}</button></div>
    </div>`;
  }

  function renderInvite(): string {
    const invite = state.invite;
    return `<div class="panel" data-test="admin-invite"><strong>${escapeHtml(t('admin.invite'))}</strong>
      <label for="admin-invite-email">${escapeHtml(t('admin.email'))}</label><input type="text" id="admin-invite-email" data-admin-input="inviteEmail" value="${escapeHtml(invite.email)}" />
      <label for="admin-invite-name">${escapeHtml(t('admin.name'))}</label><input type="text" id="admin-invite-name" data-admin-input="inviteName" value="${escapeHtml(invite.displayName)}" />
      <label for="admin-invite-role">${escapeHtml(t('admin.role'))}</label><select id="admin-invite-role" data-admin-input="inviteRole">${roleOptions(invite.role)}</select>
      <label for="admin-invite-brands">${escapeHtml(t('admin.brands'))}</label><input type="text" id="admin-invite-brands" data-admin-input="inviteBrands" value="${escapeHtml(invite.brands)}" />
      <div class="actions"><button class="btn primary" data-admin-action="invite" data-test="admin-invite-send" ${state.isBusy ? 'disabled' : ''}>${escapeHtml(t('admin.add'))}</button></div></div>`;
  }

  function renderTokens(panel: Extract<AdminPanel, { isAdmin: true }>): string {
    const created = state.created
      ? `<div class="panel" data-test="admin-created-token"><div>${escapeHtml(t('admin.tokenShownOnce'))}</div>
          <input type="text" readonly id="admin-created-token" data-test="admin-token-value" value="${escapeHtml(state.created.token)}" />
          <div class="actions"><button class="btn" data-admin-action="copy-token" data-test="admin-copy-token">${escapeHtml(t('admin.copy'))}</button>
          <button class="btn primary" data-admin-action="dismiss-token" data-test="admin-dismiss-token">${escapeHtml(t('admin.done'))}</button></div></div>`
      : '';
    const rows = panel.tokens
      .map((token) => {
        const state_ = token.revokedAt ? t('admin.revokedState') : token.lastUsedAt ? t('admin.lastUsed', { at: token.lastUsedAt.slice(0, 16).replace('T', ' ') }) : t('admin.neverUsed');
        const revoke = token.revokedAt ? '' : `<button class="btn small" data-admin-action="revoke" data-prefix="${escapeHtml(token.prefix)}" data-test="admin-revoke" ${state.isBusy ? 'disabled' : ''}>${escapeHtml(t('admin.revoke'))}</button>`;
        return `<div class="item" data-test="admin-token" data-prefix="${escapeHtml(token.prefix)}"><div class="title">${escapeHtml(token.name)} ${revoke}</div>
          <div class="sub">${escapeHtml(token.prefix)}… · ${escapeHtml(token.email)} · <span data-test="admin-token-state">${escapeHtml(state_)}</span></div></div>`;
      })
      .join('');
    const people = panel.users.filter((user) => user.isActive);
    const options = people.map((user) => `<option value="${escapeHtml(user.email)}" ${user.email === state.token.email ? 'selected' : ''}>${escapeHtml(`${user.displayName} (${user.email})`)}</option>`).join('');
    return `<h2>${escapeHtml(t('admin.tokens'))}</h2>${created}
      ${rows || `<div class="empty">${escapeHtml(t('admin.noTokens'))}</div>`}
      <div class="panel" data-test="admin-new-token">
        <label for="admin-token-user">${escapeHtml(t('admin.tokenFor'))}</label><select id="admin-token-user" data-admin-input="tokenEmail"><option value=""></option>${options}</select>
        <label for="admin-token-name">${escapeHtml(t('admin.tokenName'))}</label><input type="text" id="admin-token-name" data-admin-input="tokenName" value="${escapeHtml(state.token.name)}" />
        <div class="actions"><button class="btn primary" data-admin-action="create-token" data-test="admin-create-token" ${state.isBusy ? 'disabled' : ''}>${escapeHtml(t('admin.createToken'))}</button></div></div>`;
  }

  /** The section's HTML; empty for anyone who is not an admin. */
  function render(): string {
    const panel = state.panel;
    if (!panel?.isAdmin) return '';
    return `<details class="card" data-test="admin-panel" open><summary><strong>${escapeHtml(t('admin.title'))}</strong></summary>
      <h2>${escapeHtml(t('admin.users'))} · ${panel.users.length}</h2>
      <div data-test="admin-users">${panel.users.map(renderUser).join('')}</div>
      ${renderInvite()}
      ${renderTokens(panel)}
    </details>`;
  }

  function readInputs(root: HTMLElement): void {
    root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-admin-input]').forEach((field) => {
      const name = field.dataset['adminInput'];
      if (name === 'inviteEmail') state.invite.email = field.value;
      else if (name === 'inviteName') state.invite.displayName = field.value;
      else if (name === 'inviteRole') state.invite.role = field.value as UserRole;
      else if (name === 'inviteBrands') state.invite.brands = field.value;
      else if (name === 'tokenEmail') state.token.email = field.value;
      else if (name === 'tokenName') state.token.name = field.value;
    });
  }

  async function act(work: () => Promise<void>): Promise<void> {
    state.isBusy = true;
    host.render();
    try {
      await work();
    } catch (error) {
      host.notify('error', error instanceof Error ? error.message : String(error));
    } finally {
      state.isBusy = false;
      host.render();
    }
  }

  async function invite(): Promise<void> {
    const { email, displayName, role, brands } = state.invite;
    if (!email.trim() || !displayName.trim()) {
      host.notify('error', t('admin.fillInvite'));
      return;
    }
    const input: InviteInput = { email: email.trim(), displayName: displayName.trim(), role, brands: brands.split(/[,;\s]+/).map((code) => code.trim()).filter(Boolean) };
    await act(async () => {
      state.panel = await host.call<AdminPanel>('inviteUser', input);
      state.invite = { email: '', displayName: '', role: 'viewer', brands: '' };
      host.notify('info', t('admin.invited', { email: input.email.toLowerCase() }));
    });
  }

  async function createToken(): Promise<void> {
    const { email, name } = state.token;
    if (!email || !name.trim()) {
      host.notify('error', t('admin.fillToken'));
      return;
    }
    await act(async () => {
      const answer = await host.call<{ created: CreatedToken; panel: AdminPanel }>('createApiTokenFor', email, name.trim());
      state.created = answer.created;
      state.panel = answer.panel;
      state.token = { email: '', name: '' };
    });
  }

  async function change(email: string, request: { role?: UserRole; isActive?: boolean }): Promise<void> {
    await act(async () => {
      state.panel = await host.call<AdminPanel>('changeUserAccess', email, request);
      host.notify('info', t('admin.changed', { email }));
    });
  }

  async function copyToken(root: HTMLElement): Promise<void> {
    const field = root.querySelector<HTMLInputElement>('#admin-created-token');
    if (!field) return;
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // The iframe may not be allowed the clipboard: the selected text can still be copied by hand.
      document.execCommand?.('copy');
    }
    host.notify('info', t('admin.copied'));
  }

  return {
    render,
    /** Loads the section once the sidebar is up; a failure leaves it hidden. */
    async load(): Promise<void> {
      try {
        state.panel = await host.call<AdminPanel>('getAdminPanel');
      } catch {
        state.panel = { isAdmin: false };
      }
      // Says the question was answered, either way (the page's tests wait on it).
      document.body.dataset['adminPanel'] = state.panel.isAdmin ? 'shown' : 'none';
      host.render();
    },
    /** Handles a click on one of the section's buttons; false when the click is not the section's. */
    handleClick(target: HTMLElement, root: HTMLElement): boolean {
      const button = target.closest<HTMLElement>('[data-admin-action]');
      if (!button || (button as HTMLButtonElement).disabled) return false;
      readInputs(root);
      const email = button.dataset['email'] ?? '';
      switch (button.dataset['adminAction']) {
        case 'invite':
          void invite();
          break;
        case 'deactivate':
          void change(email, { isActive: false });
          break;
        case 'reactivate':
          void change(email, { isActive: true });
          break;
        case 'create-token':
          void createToken();
          break;
        case 'copy-token':
          void copyToken(root);
          break;
        case 'dismiss-token':
          state.created = null;
          host.render();
          break;
        case 'revoke': {
          const prefix = button.dataset['prefix'] ?? '';
          void act(async () => {
            state.panel = await host.call<AdminPanel>('revokeApiToken', prefix);
            host.notify('info', t('admin.revoked', { prefix }));
          });
          break;
        }
        default:
          return false;
      }
      return true;
    },
    /** A role picked in a user's row changes it at once; typing in the forms is kept across redraws. */
    handleChange(target: HTMLElement, root: HTMLElement): boolean {
      if (target.dataset['adminInput'] !== undefined) {
        readInputs(root);
        return true;
      }
      if (target.dataset['adminField'] === 'role') {
        readInputs(root);
        void change(target.dataset['email'] ?? '', { role: (target as HTMLSelectElement).value as UserRole });
        return true;
      }
      return false;
    },
  };
}
