import { createPublicKey, verify } from 'node:crypto';
import { OAuth2Client } from 'google-auth-library';
import { t } from '../../contract/i18n/translate.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { GoogleCertificates } from './auth.config.js';

export type GoogleIdentity = { email: string; name: string | null };

export type GoogleIdTokenVerifier = {
  /** The signed-in person: signature, issuer, audience, expiry and a verified email, or an AppError (401). */
  verify(idToken: string): Promise<GoogleIdentity>;
  /**
   * The email a token names when Google really signed it, whether or not it is still valid;
   * null for anything else. Failed sign-ins are counted against it: an email written into a
   * forged token is not, so no one can lock a colleague out by sending bad tokens in their name.
   */
  readSignedEmail(idToken: string): Promise<string | null>;
};

const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

/**
 * Verifies a Google-signed ID token (what `ScriptApp.getIdentityToken()` gives the add-on):
 * signature against Google's certificates, issuer, audience and expiry.
 */
export function createGoogleIdTokenVerifier(options: {
  audiences: string[];
  fetchCertificates?: () => Promise<GoogleCertificates>;
}): GoogleIdTokenVerifier {
  const client = new OAuth2Client();
  const fetchCertificates =
    options.fetchCertificates ?? (async () => (await client.getFederatedSignonCertsAsync()).certs as GoogleCertificates);

  return {
    async verify(idToken) {
      if (options.audiences.length === 0) {
        throw new AppError({
          code: 'UNAUTHENTICATED',
          userMessage: t('auth.googleNotSetUp'),
        });
      }
      let payload;
      try {
        const ticket = await client.verifySignedJwtWithCertsAsync(idToken, await fetchCertificates(), options.audiences, GOOGLE_ISSUERS);
        payload = ticket.getPayload();
      } catch (error) {
        throw new AppError({
          code: 'UNAUTHENTICATED',
          userMessage: t('auth.googleNotVerified'),
          // The library quotes the whole token in its messages; logs must not hold a usable sign-in.
          internalMessage: (error instanceof Error ? error.message : String(error)).split(idToken).join('<token>'),
        });
      }
      if (!payload?.email) {
        throw new AppError({ code: 'UNAUTHENTICATED', userMessage: t('auth.googleNoEmail') });
      }
      // Google sets email_verified only when it has checked that the person owns the address;
      // without it, anyone could create an account under a colleague's email and sign in as them.
      const emailVerified: unknown = payload.email_verified;
      if (emailVerified !== true && emailVerified !== 'true') {
        throw new AppError({
          code: 'UNAUTHENTICATED',
          reason: 'EMAIL_NOT_VERIFIED',
          userMessage: t('auth.googleEmailNotVerified', { email: payload.email }),
        });
      }
      return { email: payload.email.toLowerCase(), name: payload.name ?? null };
    },

    async readSignedEmail(idToken) {
      const [encodedHeader, encodedPayload, signature] = idToken.split('.');
      if (!encodedHeader || !encodedPayload || !signature) return null;
      try {
        const header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8')) as { alg?: unknown; kid?: unknown };
        const certificate = typeof header.kid === 'string' ? (await fetchCertificates())[header.kid] : undefined;
        // Google signs ID tokens with RS256 only.
        if (!certificate || header.alg !== 'RS256') return null;
        const isSigned = verify('RSA-SHA256', Buffer.from(`${encodedHeader}.${encodedPayload}`), createPublicKey(certificate), Buffer.from(signature, 'base64url'));
        if (!isSigned) return null;
        const { email } = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8')) as { email?: unknown };
        return typeof email === 'string' && email ? email.toLowerCase() : null;
      } catch {
        return null;
      }
    },
  };
}
