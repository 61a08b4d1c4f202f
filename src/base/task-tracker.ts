import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Every data task of a widget. A widget the host removes stops loading (its requests are aborted,
 * nothing renders late), and the loads it cut short run again when it is put back.
 */
export class TaskTracker implements ReactiveController {
  private readonly tasks = new Set<Task>();
  /** Loads cut short by a removal from the page. */
  private readonly cutShort = new Set<Task>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  track(task: Task): void {
    this.tasks.add(task);
  }

  get loading(): boolean {
    return [...this.tasks].some((task) => task.status === TaskStatus.PENDING);
  }

  /** Runs again every task that has run (Try again after a failed render). */
  rerun(): void {
    for (const task of this.tasks) if (task.status !== TaskStatus.INITIAL) void task.run();
  }

  hostConnected(): void {
    for (const task of this.cutShort) void task.run();
    this.cutShort.clear();
  }

  hostDisconnected(): void {
    for (const task of this.tasks) {
      if (task.status !== TaskStatus.PENDING) continue;
      this.cutShort.add(task);
      task.abort();
    }
  }
}
