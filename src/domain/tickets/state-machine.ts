import type { ActorRole, TicketState, TicketType } from './types';

// The state machine is data: which states exist, which are open, and who may move a ticket between them.

export interface Transition {
  readonly from: TicketState;
  readonly to: TicketState;
  readonly roles: readonly ActorRole[];
  /** The command that performs this move, for messages and the tab's action list. */
  readonly action: string;
}

export interface StateMachine {
  readonly initial: TicketState;
  /** States that need work from a resolver group: these tickets sit in queues (the indexed IsOpen column). */
  readonly open: readonly TicketState[];
  readonly transitions: readonly Transition[];
}

const ANALYSTS: readonly ActorRole[] = ['Analyst', 'Admin'];

export const incidentStateMachine: StateMachine = {
  initial: 'New',
  // Resolved waits for the caller, not the group: it leaves the queue and can still be reopened until it closes.
  open: ['New', 'InProgress', 'OnHold'],
  transitions: [
    { from: 'New', to: 'InProgress', roles: ANALYSTS, action: 'take' },
    { from: 'New', to: 'OnHold', roles: ANALYSTS, action: 'hold' },
    { from: 'New', to: 'Resolved', roles: ANALYSTS, action: 'resolve' },
    { from: 'New', to: 'Cancelled', roles: ANALYSTS, action: 'cancel' },
    { from: 'InProgress', to: 'OnHold', roles: ANALYSTS, action: 'hold' },
    { from: 'InProgress', to: 'Resolved', roles: ANALYSTS, action: 'resolve' },
    { from: 'InProgress', to: 'Cancelled', roles: ANALYSTS, action: 'cancel' },
    { from: 'OnHold', to: 'InProgress', roles: [...ANALYSTS, 'Requester'], action: 'resume' },
    { from: 'OnHold', to: 'Resolved', roles: ANALYSTS, action: 'resolve' },
    { from: 'OnHold', to: 'Cancelled', roles: ANALYSTS, action: 'cancel' },
    { from: 'Resolved', to: 'InProgress', roles: [...ANALYSTS, 'Requester'], action: 'reopen' },
    { from: 'Resolved', to: 'Closed', roles: ['Requester', 'System'], action: 'close' },
  ],
};

/** Service requests and fulfilment tasks share the incident's states until the catalogue issue gives them their own. */
export const stateMachines: Readonly<Record<TicketType, StateMachine>> = {
  Incident: incidentStateMachine,
  ServiceRequest: incidentStateMachine,
  FulfilmentTask: incidentStateMachine,
};

export function isOpenState(machine: StateMachine, state: TicketState): boolean {
  return machine.open.includes(state);
}

export function findTransition(machine: StateMachine, from: TicketState, to: TicketState): Transition | undefined {
  return machine.transitions.find((t) => t.from === from && t.to === to);
}

export function canTransition(machine: StateMachine, from: TicketState, to: TicketState, role: ActorRole): boolean {
  return findTransition(machine, from, to)?.roles.includes(role) ?? false;
}
