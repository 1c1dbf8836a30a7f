/**
 * A starter travel-time table for the release-day check: public transport minutes between the towns the
 * women's prisons release from and the places the demo women go. Administrators replace it (PUT /travel-times).
 */
export const DEMO_TRAVEL_TIMES: readonly { fromTown: string; toTown: string; minutes: number }[] = [
  { fromTown: 'Wilmslow', toTown: 'Manchester', minutes: 45 },
  { fromTown: 'Wilmslow', toTown: 'Stockport', minutes: 35 },
  { fromTown: 'Manchester', toTown: 'Salford', minutes: 30 },
  { fromTown: 'Manchester', toTown: 'Stockport', minutes: 30 },
  { fromTown: 'Manchester', toTown: 'Liverpool', minutes: 75 },
  { fromTown: 'Ashford', toTown: 'London', minutes: 60 },
  { fromTown: 'Ashford', toTown: 'Staines', minutes: 20 },
  { fromTown: 'Sutton', toTown: 'London', minutes: 45 },
  { fromTown: 'Woking', toTown: 'London', minutes: 50 },
  { fromTown: 'Woking', toTown: 'Guildford', minutes: 25 },
  { fromTown: 'Falfield', toTown: 'Bristol', minutes: 60 },
  { fromTown: 'Falfield', toTown: 'Gloucester', minutes: 55 },
  { fromTown: 'Derby', toTown: 'Nottingham', minutes: 45 },
  { fromTown: 'Stafford', toTown: 'Birmingham', minutes: 60 },
  { fromTown: 'Durham', toTown: 'Newcastle', minutes: 40 },
  { fromTown: 'Wakefield', toTown: 'Leeds', minutes: 35 },
  { fromTown: 'York', toTown: 'Leeds', minutes: 50 },
  { fromTown: 'Peterborough', toTown: 'Cambridge', minutes: 60 },
  { fromTown: 'Maidstone', toTown: 'London', minutes: 75 },
];
