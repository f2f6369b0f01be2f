// The API's vocabulary (as openapi.json lists it), for the console's choices and labels.

export const Categories = ['missile-impact', 'drone-incursion', 'airspace-violation', 'artillery-fire', 'border-crossing', 'other'];
export const Severities = ['extreme', 'severe', 'moderate', 'minor', 'unknown'];
export const Certainties = ['observed', 'likely', 'possible', 'unlikely', 'unknown'];
export const Urgencies = ['immediate', 'expected', 'future', 'past', 'unknown'];

/** Held and not yet told: the top of the board. */
export const PendingStatuses = ['held', 'contested', 'awaitingConfirmation'];

/** Told, corrected, or closed: the board's recent list. */
export const DoneStatuses = ['released', 'updated', 'retracted', 'cancelled'];

export const IssuedStatuses = ['released', 'updated'];

export const FinalStatuses = ['retracted', 'cancelled'];

export const HoldingStatuses = ['held', 'contested'];

export const Abilities = {
  submitReports: 'submit reports',
  readIncidents: 'read incidents',
  readBoard: 'read the board',
  decide: 'confirm, extend, amend and retract',
  readDeliveries: 'see who is told',
  redeliver: 'redeliver',
  manageSubscribers: 'manage subscribers',
  readFeed: 'read the CAP feed',
};
