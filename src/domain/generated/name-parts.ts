// Name parts the people generator combines. Apostrophes and hyphens are here on purpose: they break naive code.
export const GIVEN_NAMES = [
  'Aisha', 'Ben', 'Chloe', 'Dafydd', 'Eilidh', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kiran', 'Leah', 'Mohammed', 'Niamh',
  'Oliver', 'Priya', 'Rhys', 'Sophie', 'Tomasz', 'Uma', 'Viktor', 'Wen', 'Yusuf', 'Zara', 'Siobhán', 'Chidi', 'Mei', 'Ewan',
  'Amara', 'Bronwen', 'Callum', 'Deepa', 'Erin', 'Farah', 'Gareth', 'Hannah', 'Imran', 'Joanna', 'Kwame', 'Lucy', 'Marek', 'Nadia',
  'Owen', 'Rosa', 'Sean', 'Tariq', 'Yasmin', 'Zoltan',
] as const;

export const FAMILY_NAMES = [
  "O'Brien", 'Patel', 'Jones', 'Nowak', 'Okafor', 'Smith-Taylor', 'Williams', 'Khan', "D'Souza", 'MacLeod', 'Evans', 'Chen',
  'Begum', 'Hughes', 'Adeyemi', 'Murphy', 'Kowalski', 'Ahmed', "O'Neill", 'Campbell', 'Rahman', 'Lewis', 'Ferreira', 'Davies',
  'Ali', 'Baker', 'Clarke', 'Doyle', 'Edwards', 'Fraser', 'Gill', 'Harris', 'Ibrahim', 'Jenkins', 'Kaur', 'Lin', 'Mensah', 'Nguyen',
  'Osei', 'Price', 'Quinn', 'Roberts', 'Singh', 'Thomas', 'Walsh', 'Young',
] as const;

export const JOB_TITLES = ['Caseworker', 'Policy Officer', 'Finance Officer', 'Team Leader', 'Administrator', 'Project Manager'] as const;

export const DEPARTMENTS = ['Housing', 'Finance', 'Planning', 'Adult Social Care', "Children's Services", 'Revenues'] as const;
