/**
 * Whether the process still takes new work. Shared by readiness (503 while draining) and the HTTP layer
 * (asks keep-alive clients to reconnect elsewhere once draining starts).
 */
export class ServiceLifecycle {
  private drainingSince: Date | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  startDraining(): void {
    this.drainingSince ??= new Date();
  }
}
