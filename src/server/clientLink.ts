// One device on the local room server: the room service's port for it, its current socket (a device
// reconnects on a new one and keeps its member sessions), and the faults a developer pressed for it.
import type { WebSocket } from 'ws';
import type { Clock, TimerHandle } from '../host/clock.js';
import type { RoomClientPort, RoomPush, RoomService } from '../rooms/RoomService.js';

/** The link's current socket and when it last showed a sign of life. */
export interface Connection {
  socket: WebSocket;
  openedAt: number;
  lastHeard: number;
  clientId?: string;
  /** Token bucket for the per-connection rate limit. */
  allowance: number;
  allowanceAt: number;
  /** Frames held by a `delay` fault go out in order: none before this time. */
  outAt: number;
  inAt: number;
}

export interface LinkFaults {
  /** Frames in both directions are dropped; the socket stays open. */
  blackhole: boolean;
  /** Frames in both directions wait this long. */
  delayMs: number;
}

export class ClientLink implements RoomClientPort {
  connection: Connection | undefined;
  readonly faults: LinkFaults = { blackhole: false, delayMs: 0 };

  constructor(
    readonly clientId: string,
    private readonly clock: Clock,
    private readonly service: () => RoomService,
    private readonly onDelivered: (clientId: string, roomID: string, memberKey: number, push: RoomPush) => void,
    private readonly timers: Set<TimerHandle>,
  ) {}

  linkUp(): boolean {
    return !!this.connection && this.connection.socket.readyState === 1 && !this.faults.blackhole;
  }

  kickOut(roomID: string, code: number, memberKey: number): void {
    this.send({ t: 'kick', room: roomID, key: memberKey, code });
  }

  deliver(roomID: string, memberKey: number, latencyMs: number, push: RoomPush, delivered?: () => void): void {
    // Always on a later turn: same-moment changes still join the list (RoomService batches them).
    this.later(latencyMs, () => this.deliverNow(roomID, memberKey, push, delivered));
  }

  deliverNow(roomID: string, memberKey: number, push: RoomPush, delivered?: () => void): void {
    const service = this.service();
    if (!service.canReach(this.clientId, roomID, memberKey)) return;
    delivered?.();
    this.onDelivered(this.clientId, roomID, memberKey, push);
    switch (push.type) {
      case 'userUpdate':
        this.send({ t: 'userUpdate', room: roomID, key: memberKey, update: push.updateType, users: push.users });
        return;
      case 'count':
        this.send({ t: 'count', room: roomID, key: memberKey, count: push.count });
        return;
      case 'tokenWillExpire':
        this.send({ t: 'tokenWillExpire', room: roomID, key: memberKey, remain: push.remain });
    }
  }

  /** Sends a frame through the faults: dropped in a blackhole, held by a delay (in order). */
  send(message: Record<string, unknown>): void {
    const connection = this.connection;
    if (!connection || this.faults.blackhole) return;
    const text = JSON.stringify(message);
    const wait = this.faults.delayMs;
    if (wait <= 0 && connection.outAt <= this.clock.now()) {
      if (connection.socket.readyState === 1) connection.socket.send(text);
      return;
    }
    const at = Math.max(this.clock.now() + wait, connection.outAt);
    connection.outAt = at;
    this.later(at - this.clock.now(), () => {
      if (connection.socket.readyState === 1 && !this.faults.blackhole) connection.socket.send(text);
    });
  }

  private later(ms: number, fn: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      fn();
    }, ms);
    this.timers.add(handle);
  }
}
