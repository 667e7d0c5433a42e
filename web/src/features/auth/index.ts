/** The auth feature's public face. */
export { AuthProvider } from './auth-context.tsx';
export { CALLBACK_PATH } from './callback.ts';
export { NoRolePage } from './components/no-role-page.tsx';
export { SignInPage } from './components/sign-in-page.tsx';
export { AREA_HOME, type Area, areaOfPath, areasOf, canReview, type Role } from './roles.ts';
export { useAuth } from './use-auth.ts';
export { createUserManager } from './user-manager.ts';
