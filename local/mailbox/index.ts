export {
  Mailbox,
  type MailboxItem,
  type MailboxOptions,
  type OutgoingEmail,
  openMailbox,
} from './mailbox.ts';
