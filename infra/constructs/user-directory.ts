import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { type Role, SCREENING_SCOPE } from '../../functions/routes.ts';

/** The Cognito groups: one per role of the route table. */
export const GROUPS: readonly Role[] = ['rights-holder', 'reviewer', 'seller', 'admin'];

/**
 * Custom attributes that bind a user to the party they act for. Only an administrator (through the
 * Cognito admin API) sets them: the portal client cannot write them, so a user cannot claim to be
 * another rights holder or seller.
 */
export const PARTY_ATTRIBUTES = ['rightsHolderId', 'sellerId'] as const;

/**
 * The user pool of rights holders, reviewers, sellers and admins. Users are invited by an
 * administrator; the API's authorizer accepts the pool's ID tokens. The portal's app client and
 * the managed-login domain live with the web app (PortalLogin, in the web stack), since the
 * client's callback URLs are the distribution's.
 */
export interface UserDirectoryProps {
  /**
   * Cognito threat protection (the Plus feature plan, paid per monthly active user): sign-ins are
   * checked against compromised credentials and risky ones challenged or blocked.
   * @default false
   */
  threatProtection?: boolean;
}

export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  /**
   * The marketplace's machine identity: an app client with a secret and only the
   * client-credentials grant, allowed only the scope `takedown/screening` (API.md, Identity).
   * Its access tokens pass the screening method's authorizer; it has no user, group or attribute.
   */
  readonly marketplaceClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    super(scope, id);
    const threatProtection = props.threatProtection ?? false;

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: Object.fromEntries(
        PARTY_ATTRIBUTES.map((name) => [
          name,
          new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        ]),
      ),
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      ...(threatProtection
        ? {
            featurePlan: FeaturePlan.PLUS,
            standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
          }
        : { featurePlan: FeaturePlan.ESSENTIALS }),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (!threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection is off by default (context threatProtection=false) because the Plus plan is paid per monthly active user. Without it nothing checks sign-ins against compromised credentials or blocks risky ones; required TOTP MFA and admin-only sign-up limit what a leaked password alone can do, but do not replace those checks. Deploy with -c threatProtection=true to turn it on.',
      });
    }

    for (const group of GROUPS) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group });
    }

    // The resource server `takedown` and its scope `screening`: SCREENING_SCOPE, the scope the
    // route table's machine route requires.
    const [identifier, scopeName] = SCREENING_SCOPE.split('/') as [string, string];
    const screening = new ResourceServerScope({
      scopeName,
      scopeDescription: 'Screen listings against the proactive rules (the marketplace)',
    });
    const resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier,
      userPoolResourceServerName: 'Takedown API',
      scopes: [screening],
    });
    this.marketplaceClient = this.userPool.addClient('MarketplaceClient', {
      userPoolClientName: 'marketplace-screening',
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { clientCredentials: true },
        // The scope by name (the same string the API method requires), after the server exists.
        scopes: [OAuthScope.custom(SCREENING_SCOPE)],
      },
      accessTokenValidity: Duration.hours(1),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    this.marketplaceClient.node.addDependency(resourceServer);
  }
}
