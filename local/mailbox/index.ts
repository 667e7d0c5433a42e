export {
  Mailbox,
  type MailboxItem,
  type MailboxOptions,
  type OutgoingEmail,
  openMailbox,
  type SesDeliveryEvent,
} from './mailbox.ts';
