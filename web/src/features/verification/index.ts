/** The verification pages' public face. */
export {
  IpRightVerificationPage,
  RightsHolderVerificationPage,
} from './routes/verification-pages.tsx';
