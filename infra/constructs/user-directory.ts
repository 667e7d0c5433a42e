import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { Role } from '../../functions/routes.ts';

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
export class UserDirectory extends Construct {
  readonly userPool: UserPool;

  constructor(scope: Construct, id: string) {
    super(scope, id);

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
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Threat protection (the Plus feature plan) is paid; MFA (TOTP) is required for every user and there is no self sign-up, which covers the risks it addresses here. Operators may switch featurePlan to PLUS.',
    });

    for (const group of GROUPS) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group });
    }
  }
}
