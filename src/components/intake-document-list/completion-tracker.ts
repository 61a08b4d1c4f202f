import type { IntakeDocument } from '../../schemas/index.js';

/**
 * Notices documents that became completed between two loads of the same client's list, so the host
 * can alert the practice. A document seen for the first time is never "newly" completed (first load,
 * another page), and each document is reported at most once.
 */
export class CompletionTracker {
  private clientId: string | null = null;
  private readonly lastStatus = new Map<string, IntakeDocument['status']>();
  private readonly reported = new Set<string>();

  /** Records what a load showed and returns the ids of documents completed since the last sight. */
  observe(clientId: string, documents: readonly IntakeDocument[]): IntakeDocument[] {
    if (clientId !== this.clientId) {
      this.clientId = clientId;
      this.lastStatus.clear();
      this.reported.clear();
    }
    const completed: IntakeDocument[] = [];
    for (const doc of documents) {
      const before = this.lastStatus.get(doc.id);
      if (before !== undefined && before !== 'completed' && doc.status === 'completed' && !this.reported.has(doc.id)) {
        this.reported.add(doc.id);
        completed.push(doc);
      }
      this.lastStatus.set(doc.id, doc.status);
    }
    return completed;
  }
}
