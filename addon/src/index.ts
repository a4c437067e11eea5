/**
 * The add-on's Apps Script globals, and nothing else. scripts/build-addon.ts generates one
 * top-level `function name() {}` per key of `entryPoints` (Apps Script only sees top-level
 * functions: simple triggers, menu items and google.script.run calls), so the list lives here
 * once and is never kept by hand.
 */
import {
  addCampaignCreators,
  chooseLanguage,
  addCampaignProducts,
  duplicateCampaign,
  finishCampaign,
  getCampaignView,
  getSidebarContext,
  searchCreators,
  searchProducts,
  transitionCampaign,
} from './ui/campaign-actions.js';
import { changeUserAccess, createApiTokenFor, getAdminPanel, inviteUser, revokeApiToken } from './ui/admin-actions.js';
import { getBookingView, markPaymentPaid, moveBooking, moveDeliverable } from './ui/booking-actions.js';
import { exportFile, getFileDialogContext, importFile } from './ui/file-actions.js';
import {
  menuPull,
  menuPush,
  menuSetUpSheets,
  menuValidate,
  onInstall,
  onOpen,
  saveServerUrl,
  showExportDialog,
  showImportDialog,
  showSettings,
  showSidebar,
} from './ui/menu.js';

export const entryPoints = {
  // Simple triggers
  onOpen,
  onInstall,
  // Menu items
  showSidebar,
  menuSetUpSheets,
  menuPull,
  menuPush,
  menuValidate,
  showImportDialog,
  showExportDialog,
  showSettings,
  // Called by the sidebar through google.script.run
  getSidebarContext,
  chooseLanguage,
  getCampaignView,
  transitionCampaign,
  finishCampaign,
  duplicateCampaign,
  searchCreators,
  searchProducts,
  addCampaignCreators,
  addCampaignProducts,
  saveServerUrl,
  // Called by the sidebar's booking view
  getBookingView,
  moveBooking,
  moveDeliverable,
  markPaymentPaid,
  // Called by the sidebar's admin panel (the server answers them for admins only)
  getAdminPanel,
  inviteUser,
  changeUserAccess,
  createApiTokenFor,
  revokeApiToken,
  // Called by the Import file… and Export… dialogs
  getFileDialogContext,
  importFile,
  exportFile,
};

export type EntryPointName = keyof typeof entryPoints;
