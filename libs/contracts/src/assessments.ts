/** Assessments: what recording one (or a pathway status) answers. */
import { TaskView } from './tasks';

export interface RecordedChange {
  assessmentId?: string;
  /** The catalogue tasks a pathway newly needing support got. */
  tasksCreated: TaskView[];
}
