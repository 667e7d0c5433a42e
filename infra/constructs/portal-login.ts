import { Aws, Duration, Stack } from 'aws-cdk-lib';
import {
  CfnManagedLoginBranding,
  ClientAttributes,
  type IUserPool,
  ManagedLoginVersion,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { PARTY_ATTRIBUTES } from './user-directory.ts';

export interface PortalLoginProps {
  userPool: IUserPool;
  /** The web app's origin, e.g. `https://d111111abcdef8.cloudfront.net` (a token is fine). */
  appOrigin: string;
  /**
   * The managed-login domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), unique in the
   * region. @default `takedown-<account id>`
   */
  domainPrefix?: string;
}

/**
 * How people sign in to the web app in AWS: Cognito's managed login on a user-pool domain, and the
 * portal's app client, a public client allowed the authorization-code flow (with PKCE, which the
 * app always sends) and nothing else: no implicit flow, no secret, no password flows. Its callback
 * and sign-out URLs are the web app's own.
 */
export class PortalLogin extends Construct {
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** The issuer the app discovers (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
  readonly authority: string;
  /** Managed login's base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly baseUrl: string;
  readonly callbackUrl: string;
  readonly signOutUrl: string;

  constructor(scope: Construct, id: string, props: PortalLoginProps) {
    super(scope, id);
    this.callbackUrl = `${props.appOrigin}/auth/callback`;
    this.signOutUrl = `${props.appOrigin}/`;

    this.domain = new UserPoolDomain(this, 'Domain', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `takedown-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.baseUrl = this.domain.baseUrl();

    this.client = new UserPoolClient(this, 'PortalClient', {
      userPool: props.userPool,
      generateSecret: false,
      // Sign-in happens on managed login only: no SRP or password flow from the browser.
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [this.callbackUrl],
        logoutUrls: [this.signOutUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...PARTY_ATTRIBUTES),
      // Explicit, and never empty: a client with no write list may write every attribute.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // Managed login (v2) shows a page only for a client with a branding style: Cognito's own.
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.authority = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${props.userPool.userPoolId}`;
  }
}
