/**
 * Sends one requested message, at most once. The row is marked `sending` (committed) before the request leaves;
 * an attempt that finds it `sending` already follows one that may have reached Notify (a worker killed while
 * waiting for the answer, a 5xx, a timeout), so it first asks Notify for a message with the row's reference and
 * records that one instead of sending again. 429 means Notify refused it, so the next attempt just sends.
 * With no API key the message is written to the log (status `logged`).
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationsRepository, NotificationToSend } from '@app/database';
import { classifyNotifyFailure, withLink } from '@app/domain';
import { WORKER_SETTINGS, WorkerSettings } from '../config/worker.config';
import { NotifyGateway, NotifyRequestError } from './notify-gateway';

/** What the job should do next: done (whatever the outcome), or throw so BullMQ tries again later. */
export type SendOutcome = 'done' | 'retry';

@Injectable()
export class NotificationSender {
  private readonly logger = new Logger('GovUkNotify');
  private readonly gateway: NotifyGateway | null;

  constructor(
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    private readonly notifications: NotificationsRepository,
  ) {
    const { apiKey, baseUrl, requestTimeoutMs } = settings.notify;
    this.gateway = apiKey ? new NotifyGateway({ baseUrl, apiKey, timeoutMs: requestTimeoutMs }) : null;
  }

  /** `lastAttempt`: BullMQ will not try again, so a retryable failure is recorded as failed. */
  async send(notificationId: string, lastAttempt: boolean): Promise<SendOutcome> {
    const row = await this.notifications.peekTemplate(notificationId);
    if (!row) return 'done';
    const templateId = this.settings.notify.templateIds[row.templateKey][row.channel];
    const message = await this.notifications.beginAttempt(notificationId, templateId);
    if (!message) return 'done';
    const attempt = message.attempts;
    const personalisation = withLink(message.personalisation, this.settings.notify.linkUrl);

    if (!this.gateway || !templateId) {
      this.logger.log(
        `GOV.UK Notify: no API key, message ${message.id} (${message.templateKey}, ${message.channel}) to user ` +
          `${message.recipientUserId} written to the log: ${JSON.stringify(personalisation)}`,
      );
      await this.notifications.finishAttempt(message.id, { status: 'logged', attempt, result: 'logged' });
      return 'done';
    }
    const to = this.address(message);
    if (!to) {
      const error = `no ${message.channel === 'email' ? 'e-mail address' : 'mobile number'} any more`;
      await this.notifications.finishAttempt(message.id, { status: 'failed', attempt, result: 'failed', error });
      return 'done';
    }
    try {
      if (message.previousStatus === 'sending') {
        const found = await this.gateway.findByReference(message.channel, message.reference);
        if (found) {
          await this.notifications.finishAttempt(message.id, {
            status: 'sent',
            attempt,
            result: 'found',
            notifyId: found,
          });
          return 'done';
        }
      }
      const notifyId = await this.gateway.send({
        channel: message.channel,
        templateId,
        to,
        personalisation,
        reference: message.reference,
      });
      await this.notifications.finishAttempt(message.id, { status: 'sent', attempt, result: 'sent', notifyId });
      return 'done';
    } catch (error) {
      return this.failed(message, attempt, error, lastAttempt);
    }
  }

  private address(message: NotificationToSend): string | null {
    return message.channel === 'email' ? message.email : message.mobile;
  }

  private async failed(
    message: NotificationToSend,
    attempt: number,
    error: unknown,
    lastAttempt: boolean,
  ): Promise<SendOutcome> {
    const httpStatus = error instanceof NotifyRequestError ? error.httpStatus : null;
    const text = (error as Error).message;
    const retry = classifyNotifyFailure(httpStatus) === 'retry' && !lastAttempt;
    // After a 429 Notify has certainly not taken the message; after a 5xx or no answer it might have.
    const status = !retry ? 'failed' : httpStatus === 429 ? 'pending' : 'sending';
    await this.notifications.finishAttempt(message.id, {
      status,
      attempt,
      result: retry ? 'retry' : 'failed',
      httpStatus,
      error: text,
    });
    this.logger.warn(`message ${message.id} attempt ${attempt}: ${text}${retry ? ' (will retry)' : ''}`);
    return retry ? 'retry' : 'done';
  }
}
