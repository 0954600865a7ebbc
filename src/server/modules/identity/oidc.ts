/**
 * OpenID Connect relying party (authorization code + PKCE, via openid-client) for the national eID
 * provider. openid-client checks the ID token's signature, issuer, audience, nonce and expiry.
 */
import * as client from 'openid-client';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { IdentityRepository } from './identity.repository.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scope: string;
  personalCodeClaim: string;
  forStaff: boolean;
}

export interface OidcIdentity {
  kind: 'staff' | 'resident';
  subject: string;
  personalCode: string | undefined;
  name: string;
  returnTo: string;
}

const PENDING_TTL_MS = 10 * 60_000;

export function createOidcRelyingParty(deps: {
  db: Db;
  repository: IdentityRepository;
  clock: Clock;
  settings: OidcSettings;
  redirectUri: string;
  /** Tests replace the transport (e.g. to tamper with the token response). */
  customFetch?: client.CustomFetch;
}) {
  const { db, repository, clock, settings, redirectUri } = deps;
  let configuration: Promise<client.Configuration> | undefined;

  function discover(): Promise<client.Configuration> {
    configuration ??= (async () => {
      const insecure = settings.issuer.startsWith('http://');
      const auth = settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None();
      // openid-client trusts TLS for ID tokens straight from the token endpoint (OIDC Core 3.1.3.7) and
      // skips their signature; for a national eID we verify the signature against the provider's JWKS too.
      const execute = [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])];
      const config = await client.discovery(new URL(settings.issuer), settings.clientId, undefined, auth, {
        execute,
        ...(deps.customFetch ? { [client.customFetch]: deps.customFetch } : {}),
      });
      if (deps.customFetch) config[client.customFetch] = deps.customFetch;
      return config;
    })().catch((error: unknown) => {
      configuration = undefined;
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        `The eID provider could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return configuration;
  }

  return {
    /** Builds the provider's authorization URL and remembers state, PKCE verifier and nonce. */
    async start(kind: 'staff' | 'resident', returnTo: string): Promise<string> {
      if (kind === 'staff' && !settings.forStaff)
        throw new AppError('NOT_FOUND', 'OpenID Connect sign-in is not enabled for staff');
      const config = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await repository.insertPendingOidc(db, {
        state,
        kind,
        codeVerifier,
        nonce,
        returnTo,
        createdAt: clock.now().toISOString(),
      });
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scope,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      }).href;
    },

    /** Exchanges the code; any failure of the token checks becomes UNAUTHENTICATED with the reason. */
    async complete(callbackUrl: URL): Promise<OidcIdentity> {
      const state = callbackUrl.searchParams.get('state');
      if (!state) throw new AppError('VALIDATION_FAILED', 'The eID provider returned no state');
      const error = callbackUrl.searchParams.get('error');
      const pending = await repository.takePendingOidc(
        db,
        state,
        new Date(clock.now().getTime() - PENDING_TTL_MS).toISOString(),
      );
      if (!pending) throw new AppError('UNAUTHENTICATED', 'This sign-in attempt is unknown or expired; start again');
      if (error) throw new AppError('UNAUTHENTICATED', `The eID provider refused the sign-in: ${error}`);
      const config = await discover();
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (e) {
        throw new AppError('UNAUTHENTICATED', `The eID provider's answer failed verification: ${describeOidcError(e)}`);
      }
      if (!claims) throw new AppError('UNAUTHENTICATED', 'The eID provider returned no ID token');
      const personalCode = claims[settings.personalCodeClaim];
      const name =
        [claims['given_name'], claims['family_name']].filter((x) => typeof x === 'string').join(' ') ||
        String(claims['name'] ?? '');
      return {
        kind: pending.kind,
        subject: claims.sub,
        personalCode: typeof personalCode === 'string' ? personalCode : undefined,
        name,
        returnTo: pending.returnTo,
      };
    },
  };
}
export type OidcRelyingParty = ReturnType<typeof createOidcRelyingParty>;

/** The library's message and, more usefully, its cause: e.g. 'unexpected JWT "aud" (audience) claim value'. */
function describeOidcError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}${code ? ` [${code}]` : ''}`;
}
