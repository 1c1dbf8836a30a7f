/** Every migration, in order. Listed explicitly so the build and the CLI never depend on globs. */
import { MigrationInterface } from 'typeorm';
import { DeadlineEngineAndOutbox1795352674218 } from './1795352674218-DeadlineEngineAndOutbox';
import { InitialSchema1795351800308 } from './1795351800308-InitialSchema';
import { Workflows1795358950436 } from './1795358950436-Workflows';
import { Reports1795365000000 } from './1795365000000-Reports';
import { AppRole1795370000000 } from './1795370000000-AppRole';
import { AccessChanges1795987040283 } from './1795987040283-AccessChanges';
import { DayOfRelease1796000000001 } from './1796000000001-DayOfRelease';
import { ReleaseDatePrecedence1796000000002 } from './1796000000002-ReleaseDatePrecedence';
import { PlanByReleaseType1796000000003 } from './1796000000003-PlanByReleaseType';
import { PracticalNeedsCatalogue1796000000004 } from './1796000000004-PracticalNeedsCatalogue';
import { ThresholdInstants1796000000010 } from './1796000000010-ThresholdInstants';
import { BoardAndQueueIndexes1796023203280 } from './1796023203280-BoardAndQueueIndexes';
import { ProviderQueueIndex1796024766410 } from './1796024766410-ProviderQueueIndex';
import { DeliverySessions1796100000100 } from './1796100000100-DeliverySessions';
import { ReferralReasonsNeedsAndTransfers1796100000200 } from './1796100000200-ReferralReasonsNeedsAndTransfers';
import { Keywork1796100000300 } from './1796100000300-Keywork';
import { NotificationsAndContactDetails1796100000400 } from './1796100000400-NotificationsAndContactDetails';
import { ExternalIdentities1796100000500 } from './1796100000500-ExternalIdentities';
import { ReleasePlanContacts1796100000600 } from './1796100000600-ReleasePlanContacts';
import { PreferredLanguage1796100000700 } from './1796100000700-PreferredLanguage';
import { SignOutAccessChange1796100000800 } from './1796100000800-SignOutAccessChange';
import { WomenByReleaseAreaIndex1796100000900 } from './1796100000900-WomenByReleaseAreaIndex';
import { PreparedAlerts1796100001000 } from './1796100001000-PreparedAlerts';
import { OutboxWithoutRoomsIndex1796100001100 } from './1796100001100-OutboxWithoutRoomsIndex';
import { TasksCarryReleaseArea1796100001200 } from './1796100001200-TasksCarryReleaseArea';
import { HorizonReadFromIndexes1796100001300 } from './1796100001300-HorizonReadFromIndexes';
import { HorizonReadSkipsToEachInstant1796100001400 } from './1796100001400-HorizonReadSkipsToEachInstant';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1795351800308,
  DeadlineEngineAndOutbox1795352674218,
  Workflows1795358950436,
  Reports1795365000000,
  AppRole1795370000000,
  AccessChanges1795987040283,
  DayOfRelease1796000000001,
  ReleaseDatePrecedence1796000000002,
  PlanByReleaseType1796000000003,
  PracticalNeedsCatalogue1796000000004,
  ThresholdInstants1796000000010,
  BoardAndQueueIndexes1796023203280,
  ProviderQueueIndex1796024766410,
  DeliverySessions1796100000100,
  ReferralReasonsNeedsAndTransfers1796100000200,
  Keywork1796100000300,
  NotificationsAndContactDetails1796100000400,
  ExternalIdentities1796100000500,
  ReleasePlanContacts1796100000600,
  PreferredLanguage1796100000700,
  SignOutAccessChange1796100000800,
  WomenByReleaseAreaIndex1796100000900,
  PreparedAlerts1796100001000,
  OutboxWithoutRoomsIndex1796100001100,
  TasksCarryReleaseArea1796100001200,
  HorizonReadFromIndexes1796100001300,
  HorizonReadSkipsToEachInstant1796100001400,
];
