import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { actorOf } from '../common/actor';
import { Page } from '../common/pagination.dto';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { AddTaskNoteDto, ChangeTaskStatusDto, ListTasksQueryDto } from './task.dto';
import { TaskDetailView, TaskView } from './task.view';
import { TasksService } from './tasks.service';
import { DataKind } from '@app/domain';
import { ExposesCaseData } from '../common/data-kinds.decorator';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ExposesCaseData(
    DataKind.WOMAN_RECORD,
    DataKind.TASKS,
    DataKind.OTHER_ROLES_TASKS,
    DataKind.SENSITIVE_PATHWAYS,
    DataKind.FINANCE_AND_ID,
  )
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListTasksQueryDto): Promise<Page<TaskView>> {
    return this.tasks.list(user, query);
  }

  @Get(':id')
  @ExposesCaseData(
    DataKind.WOMAN_RECORD,
    DataKind.TASKS,
    DataKind.OTHER_ROLES_TASKS,
    DataKind.SENSITIVE_PATHWAYS,
    DataKind.TASK_NOTES,
    DataKind.FINANCE_AND_ID,
  )
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<TaskDetailView> {
    return this.tasks.get(user, id);
  }

  /** Exclusive: of simultaneous claims exactly one wins; the others get 409 naming the holder. */
  @Can('task.claim')
  @Post(':id/claim')
  @HttpCode(200)
  claim(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @RequestId() requestId: string | null,
  ): Promise<TaskView> {
    return this.tasks.claim(user, id, actorOf(user, requestId));
  }

  @Can('task.release')
  @Post(':id/release')
  @HttpCode(200)
  release(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @RequestId() requestId: string | null,
  ): Promise<TaskView> {
    return this.tasks.releaseClaim(user, id, actorOf(user, requestId));
  }

  @Can('task.update-status')
  @Patch(':id/status')
  changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ChangeTaskStatusDto,
    @RequestId() requestId: string | null,
  ): Promise<TaskView> {
    return this.tasks.changeStatus(user, id, body, actorOf(user, requestId));
  }

  @Can('task.add-note')
  @Post(':id/notes')
  addNote(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: AddTaskNoteDto,
    @RequestId() requestId: string | null,
  ): Promise<TaskDetailView> {
    return this.tasks.addNote(user, id, body, actorOf(user, requestId));
  }
}
