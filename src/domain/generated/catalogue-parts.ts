// Words the reference-data generator combines into support group and service names, and titles for symptoms.
export const TEAM_AREAS = [
  'Service Desk', 'End User Computing', 'Networks', 'Telephony', 'Business Applications', 'Infrastructure', 'Database Support',
  'Identity & Access', 'Cyber Security', 'Cloud Platform', 'Field Engineering', 'Print Services', 'Integration', 'Web Services',
] as const;

export const SERVICE_AREAS = [
  'Email & Calendar', 'Laptops & Devices', 'Network & Wi-Fi', 'Housing Management System', 'Printing & Scanning', 'Telephony',
  'Finance System', 'HR & Payroll', 'Document Management', 'Remote Access', 'Website & Intranet', 'Accounts & Passwords',
  'Mobile Phones', 'Planning Portal', 'Case Management', 'Meeting Rooms & AV', 'File Storage', 'Line-of-Business Reports',
] as const;

export const SYMPTOM_TITLES = [
  "Can't sign in", 'Error message when saving', 'Very slow to respond', 'Keeps disconnecting', 'Screen freezes',
  'Password expired', 'Report shows no data', 'Cannot open attachment', 'Access needed for a new starter', 'Printer offline',
  'Application crashes on start', "Can't connect to the shared drive", 'Missing permissions', 'Sync not working',
  'Wrong figures in the statement', 'Device will not power on', 'Calls dropping', 'Update failed', 'Account locked out',
  'Page not loading',
] as const;
