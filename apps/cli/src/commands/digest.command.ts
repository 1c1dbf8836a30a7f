/**
 * `digest`: requests today's morning digest for every team manager at once, whatever the day (the worker's
 * repeating job does it at 07:00 on working days). The rows are written here; the worker's sweeper sends them.
 */
import { Injectable } from '@nestjs/common';
import { DigestRun, MorningDigest } from '@app/resettlement';

@Injectable()
export class DigestCommand {
  constructor(private readonly digest: MorningDigest) {}

  async run(): Promise<DigestRun> {
    const run = await this.digest.run(new Date(), { evenIfNotWorkingDay: true });
    console.log(`Morning digest ${run.date}: ${run.managers} team managers, ${run.messages} messages requested.`);
    return run;
  }
}
