// What the dashboard draws: a bounded log of what happened, per room and user, as the server saw it.
// The server cannot see a client's state, only its link and its requests; the labels name what ZEGO's
// client would report at that moment (docs/DEVSERVER.md, "What the dashboard shows").

export interface TimelineEntry {
  seq: number;
  /** Unix ms. */
  at: number;
  roomID: string;
  /** The lane: the user this happened to. */
  userID: string;
  clientId: string;
  label: string;
  code?: number;
}

/** Entries kept; older ones are dropped first (a dashboard opened late sees the recent past). */
export const TIMELINE_LIMIT = 5000;

export class Timeline {
  private readonly entries: TimelineEntry[] = [];
  private seq = 0;

  constructor(private readonly limit = TIMELINE_LIMIT) {}

  add(entry: Omit<TimelineEntry, 'seq'>): void {
    this.entries.push({ ...entry, seq: ++this.seq });
    // Trimmed in batches, so a busy room does not pay for a shift on every entry.
    if (this.entries.length >= 2 * this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Entries after `seq` (at most the last `limit`). */
  since(seq: number): TimelineEntry[] {
    if (this.entries.length === 0 || seq >= this.seq) return [];
    const first = this.entries[0].seq;
    return this.entries.slice(Math.max(0, seq - first + 1, this.entries.length - this.limit));
  }

  get last(): number {
    return this.seq;
  }
}
