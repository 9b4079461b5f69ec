export {
  createMailTransport,
  deliveryError,
  MailDeliveryError,
  type MailMessage,
  type MailTransport,
  type MailTransportOptions,
} from './transport';
export { enqueueMessage, type OutboxEntry } from './outbox';
