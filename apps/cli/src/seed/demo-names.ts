/** Name lists for the demo caseload. Common British names, combined at random, so no record is a real person. */

// Kept as strings rather than arrays so the lists stay readable (one name per line would run to pages).
export const FIRST_NAMES: readonly string[] = (
  'Abigail Aisha Alison Amanda Amber Amy Angela Bethany Caitlin Carla Caroline Charlotte Chelsea Chloe Claire ' +
  'Danielle Dawn Debbie Demi Donna Eleanor Emma Faith Fatima Gemma Georgia Hannah Hayley Jade Jasmine Jenna ' +
  'Jennifer Jodie Kayleigh Kelly Kerry Kirsty Laura Leanne Lisa Louise Lucy Maria Megan Michelle Molly Natalie ' +
  'Nicola Paige Rebecca Samantha Shannon Sharon Siobhan Sophie Stacey Tanya Tracey Vicky Yasmin Zoe Agnieszka ' +
  'Bronwen Ceri Nia Precious Roxanne'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Ahmed Atkinson Bailey Barker Bennett Bradley Brennan Brooks Carr Chambers Clarke Connolly Cooper Cunningham ' +
  'Davies Dixon Doherty Duffy Edwards Evans Farrell Fisher Foster Gallagher Gibson Gordon Graham Hall Harper ' +
  'Hartley Hewitt Holt Hughes Hunter Jackson James Jenkins Johnson Kaur Kelly Kennedy Khan Lawson Lloyd Lowe ' +
  'McCarthy McDonald Mills Mitchell Morgan Murphy Nowak Owen Parry Patel Pearson Phillips Powell Quinn Reid ' +
  'Reynolds Richards Riley Robinson Rowe Shaw Simpson Stevens Sutton Taylor Thomas Turner Walsh Ward Watson Webb ' +
  'Whitehead Williams Wilson Wright Young'
).split(' ');

/** Keyworkers are prison officers, men and women, named without being Resettle users. */
export const KEYWORKER_NAMES: readonly string[] = (
  'Mark Hughes, Paul Grant, Dee Marshall, Kim Rowley, Sam Okoro, Gail Fenton, Lee Bishop, Jo Kirkland, ' +
  'Tom Achebe, Ruth Harding, Chris Lomax, Nadia Rahman'
)
  .split(', ')
  .map((name) => `Officer ${name}`);
