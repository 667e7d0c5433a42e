import { useContext } from 'react';
import { type Auth, AuthContext } from './auth-context.tsx';

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}
