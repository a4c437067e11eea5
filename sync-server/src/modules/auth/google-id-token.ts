import { OAuth2Client } from 'google-auth-library';
import { AppError } from '../../platform/errors/app-error.js';
import type { GoogleCertificates } from './auth.config.js';

export type GoogleIdentity = { email: string; name: string | null };

const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

/**
 * Verifies a Google-signed ID token (what `ScriptApp.getIdentityToken()` gives the add-on):
 * signature against Google's certificates, issuer, audience and expiry.
 */
export function createGoogleIdTokenVerifier(options: {
  audiences: string[];
  fetchCertificates?: () => Promise<GoogleCertificates>;
}): (idToken: string) => Promise<GoogleIdentity> {
  const client = new OAuth2Client();
  const fetchCertificates =
    options.fetchCertificates ?? (async () => (await client.getFederatedSignonCertsAsync()).certs as GoogleCertificates);

  return async (idToken) => {
    if (options.audiences.length === 0) {
      throw new AppError({
        code: 'UNAUTHENTICATED',
        userMessage: 'Sign-in with Google is not set up on this server (GOOGLE_ID_TOKEN_AUDIENCE is empty).',
      });
    }
    let payload;
    try {
      const ticket = await client.verifySignedJwtWithCertsAsync(idToken, await fetchCertificates(), options.audiences, GOOGLE_ISSUERS);
      payload = ticket.getPayload();
    } catch (error) {
      throw new AppError({
        code: 'UNAUTHENTICATED',
        userMessage: 'Your Google sign-in could not be verified (expired or not meant for this server). Reopen the sidebar and try again.',
        internalMessage: error instanceof Error ? error.message : String(error),
        cause: error,
      });
    }
    if (!payload?.email || payload.email_verified === false) {
      throw new AppError({ code: 'UNAUTHENTICATED', userMessage: 'Your Google account did not share a verified email address.' });
    }
    return { email: payload.email.toLowerCase(), name: payload.name ?? null };
  };
}
