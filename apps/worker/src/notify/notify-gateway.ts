/**
 * The worker's only contact with GOV.UK Notify, through Notify's own client (notifications-node-client): send an
 * e-mail or a text message, and find a message already sent by our reference. Failures come back as
 * NotifyRequestError with the HTTP status (null when no answer came), for the retry rules in @app/domain.
 */
import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { NotifyChannel, Personalisation } from '@app/domain';

export class NotifyRequestError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
  }
}

export interface OutgoingMessage {
  channel: NotifyChannel;
  templateId: string;
  /** An e-mail address or a mobile number. */
  to: string;
  personalisation: Personalisation;
  reference: string;
}

/** Notify answers errors as { status_code, errors: [{ error, message }] }. */
function asRequestError(error: unknown): NotifyRequestError {
  const response = (
    error as { response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } } }
  ).response;
  const status = typeof response?.status === 'number' ? response.status : null;
  const first = response?.data?.errors?.[0];
  const detail = first ? `${first.error ?? ''}: ${first.message ?? ''}` : (error as Error).message;
  return new NotifyRequestError(status === null ? `no answer: ${detail}` : `HTTP ${status} ${detail}`, status);
}

export class NotifyGateway {
  private readonly client: NotifyClient;

  constructor(options: { baseUrl: string; apiKey: string; timeoutMs: number }) {
    this.client = new NotifyClient(options.baseUrl, options.apiKey);
    this.client.setClient(axios.create({ timeout: options.timeoutMs }));
  }

  /** Returns Notify's id for the message. */
  async send(message: OutgoingMessage): Promise<string> {
    const options = { personalisation: message.personalisation, reference: message.reference };
    try {
      const response =
        message.channel === 'email'
          ? await this.client.sendEmail(message.templateId, message.to, options)
          : await this.client.sendSms(message.templateId, message.to, options);
      return response.data.id;
    } catch (error) {
      throw asRequestError(error);
    }
  }

  /** Notify's id of a message sent with this reference, or null if Notify never received one. */
  async findByReference(channel: NotifyChannel, reference: string): Promise<string | null> {
    try {
      const response = await this.client.getNotifications(channel, undefined, reference);
      return response.data.notifications.find((n) => n.reference === reference)?.id ?? null;
    } catch (error) {
      throw asRequestError(error);
    }
  }
}
