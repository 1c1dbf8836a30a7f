/**
 * The backstop for a lost ACCESS_CHANGED message. Every few seconds (ACCESS_RECHECK_MS) each gateway reads
 * the access-change log that PostgreSQL writes in the same transaction as any change to a user's access or
 * to who may see a woman, and re-checks the rooms of its own sockets concerned. One indexed query per tick,
 * usually returning nothing; ids commit in order, so the cursor never skips a change.
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AccessChangesRepository } from '@app/database';
import { BoardGateway } from './board.gateway';
import { GATEWAY_SETTINGS, GatewaySettings } from './config/gateway.config';

const PAGE = 500;

@Injectable()
export class AccessWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AccessWatchService.name);
  /** The last change this gateway has acted on; null until first read (sockets made later start current). */
  private cursor: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    private readonly changes: AccessChangesRepository,
    private readonly board: BoardGateway,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.cursor = await this.changes.latestId();
    this.timer = setInterval(() => void this.tick(), this.settings.accessRecheckMs);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      this.cursor ??= await this.changes.latestId();
      for (;;) {
        const page = await this.changes.listAfter(this.cursor, PAGE);
        if (page.length === 0) break;
        const users = new Set(page.flatMap((c) => (c.userId ? [c.userId] : [])));
        const women = new Set(page.flatMap((c) => (c.womanId ? [c.womanId] : [])));
        for (const userId of users) await this.board.recheck(userId);
        for (const womanId of women) await this.board.recheckWoman(womanId);
        this.cursor = page[page.length - 1].id;
        if (page.length < PAGE) break;
      }
    } catch (error) {
      // The next tick tries again from the same cursor.
      this.logger.warn(`access re-check: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
