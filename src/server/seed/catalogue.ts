// The organisation the demo runs: resolver groups and services. People are generated; this is configuration.

export interface SeedGroup {
  readonly key: string;
  readonly name: string;
  readonly analysts: number;
}

export interface SeedService {
  readonly key: string;
  readonly name: string;
  readonly defaultGroupKey: string;
  /** Incident titles callers write for this service. */
  readonly titles: readonly string[];
}

export const SEED_GROUPS: readonly SeedGroup[] = [
  { key: 'service-desk', name: 'Service Desk', analysts: 5 },
  { key: 'end-user-computing', name: 'End User Computing', analysts: 3 },
  { key: 'networks', name: 'Networks & Telephony', analysts: 3 },
  { key: 'business-apps', name: 'Business Applications', analysts: 3 },
];

export const SEED_SERVICES: readonly SeedService[] = [
  { key: 'email', name: 'Email & Calendar', defaultGroupKey: 'service-desk', titles: ["Can't open shared mailbox", 'Calendar invites not arriving', 'Outlook keeps asking for my password', 'Email to a partner bounced'] },
  { key: 'devices', name: 'Laptops & Devices', defaultGroupKey: 'end-user-computing', titles: ['Laptop will not start', 'Docking station: no second screen', 'Keyboard keys sticking', 'New starter needs a laptop set up'] },
  { key: 'network', name: 'Network & Wi-Fi', defaultGroupKey: 'networks', titles: ['Wi-Fi drops on floor 3', 'VPN disconnects every hour', 'Desk phone has no dial tone', 'Slow network in the council chamber'] },
  { key: 'housing-system', name: 'Housing Management System', defaultGroupKey: 'business-apps', titles: ['Tenancy screen shows an error', "Can't save a repair request", 'Rent statement report is blank', 'Housing system very slow this morning'] },
  { key: 'printing', name: 'Printing & Scanning', defaultGroupKey: 'service-desk', titles: ["Printer says it's offline", 'Scan to email not working', 'Print jobs stuck in the queue'] },
];
