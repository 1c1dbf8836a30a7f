/**
 * The words of her printed release plan, in English and Welsh, in one place: every sentence the plan prints comes
 * from here, with `{placeholders}` for her facts. The Welsh type is the English keys, so a key missing from one
 * language fails the typecheck, and release-plan-text.spec.ts checks that both have the same keys and the same
 * placeholders.
 *
 * Plain English: second person, short sentences, everyday words (GOV.UK "Writing for GOV.UK": plain English, short
 * sentences; the reading age is checked by release-plan-readability.spec.ts). Welsh terms follow the Welsh
 * Government's TermCymru where it has one: Gwasanaeth Prawf (Probation Service), swyddog prawf (probation
 * officer), trwydded (licence), Credyd Cynhwysol (Universal Credit), rhif Yswiriant Gwladol (National Insurance
 * number), grant rhyddhau (discharge grant), cam-drin domestig (domestic abuse).
 *
 * Phone numbers here are national services, each as the page cited beside it gives it; no number is made up.
 */

export type PlanLanguage = 'en' | 'cy';
export const PLAN_LANGUAGES: readonly PlanLanguage[] = ['en', 'cy'];

const EN = {
  title: 'Your release plan',
  forWhom: 'This plan is for {name} ({prisonNumber}).',
  keepSafe: 'Keep it safe. Bring it with you when you leave.',
  madeOn: 'Made on {date}.',
  releaseDate: 'You leave prison on {date}.',
  releaseDateUnknown: 'Your release date is not fixed yet. Your team will tell you when it is.',

  helpersHeading: 'Who is helping you',
  helpersIntro: 'Here is what you need help with, and who is helping you.',
  noNeeds: 'Your team has not written down any needs yet. Ask them about it.',
  helpedBy: 'Who is helping:',
  nobodyYet: 'Nobody is named yet. Ask your pre-release team.',
  doneCount: 'Done: {count}',
  toDoCount: 'Still to do: {count}',
  nextBy: 'The next thing should be done by {date}.',
  statusLine: 'Where it is now: {status}',

  status_NOT_STARTED: 'not started yet',
  status_SUPPORT_REQUIRED: 'you need help with this',
  status_IN_PROGRESS: 'work has started',
  status_DONE: 'done',
  status_SUPPORT_DECLINED: 'you said you did not want help with this',
  status_SUPPORT_NOT_REQUIRED: 'you do not need help with this',

  pathway_ACCOMMODATION: 'A place to live',
  pathway_ATTITUDES_THINKING_AND_BEHAVIOUR: 'Your thinking and how you deal with things',
  pathway_CHILDREN_FAMILIES_AND_COMMUNITY: 'Your children, family and friends',
  pathway_DRUGS_AND_ALCOHOL: 'Drugs and alcohol',
  pathway_EDUCATION_SKILLS_AND_WORK: 'Work, training and learning',
  pathway_FINANCE_AND_ID: 'Money, bank account and ID',
  pathway_HEALTH: 'Your health',
  pathway_DOMESTIC_ABUSE: 'Staying safe from abuse',
  pathway_SEX_WORK: 'Support if you have done sex work',

  role_PRE_RELEASE_TEAM: 'The pre-release team at {prison}',
  role_POM: 'Your prison offender manager at {prison}',
  role_COM: 'Your probation officer (community offender manager), Probation Service, {area}',
  role_CRS_CASEWORKER: 'A support worker from {provider}',
  role_CRS_CASEWORKER_UNNAMED: 'A support worker from a women’s support service',
  role_KEYWORKER: 'Your keyworker at {prison}',
  namedPerson: '{helper}: {name}',
  thePrison: 'the prison',

  releaseDayHeading: 'Your release day',
  appointmentsIntro: 'These are your appointments on the day you leave.',
  noAppointments: 'No appointments are booked yet. Your team will tell you.',
  appointmentTime: '{time}: {what}',
  appointmentPlace: 'Where: {place}, {town}',
  appointment_PROBATION: 'Meet your probation officer',
  appointment_LOCAL_AUTHORITY_HOUSING: 'Council housing team',
  appointment_GP_OR_PHARMACY: 'Doctor (GP) or chemist',
  appointment_DRUG_AND_ALCOHOL_SERVICE: 'Drug and alcohol service',
  appointment_JOBCENTRE: 'Jobcentre',
  appointment_OTHER: 'Appointment',
  arrangementsIntro: 'Things for the day:',
  item_mobilePhone: 'A mobile phone',
  item_gatePickUp: 'Someone to meet you at the gate',
  item_travel: 'Travel to where you are going',
  item_medicationSupply: 'Your medicine',
  item_safeSpace: 'A safe place to go',
  itemArranged: '{item}: done',
  itemNeeded: '{item}: still to sort out',

  bringHeading: 'What to bring with you',
  bringIntro: 'Make sure you have these when you leave the prison:',
  bringLicence: 'Your licence. It says where you must go and the rules you must keep.',
  bringGrant: 'Your discharge grant money and the letter about it, if you get one.',
  bringId: 'Any ID you have, like a passport, driving licence or birth certificate.',
  bringBank: 'Your bank card and bank letters, if you have a bank account.',
  bringNi: 'Your National Insurance number letter, if you have one.',
  bringPlan: 'This plan, and any letters about your appointments.',
  bringPhone: 'Your phone and charger, if you have them.',

  wrongHeading: 'If something goes wrong',
  wrongLate: 'If you will be late for probation, or cannot get there, call your probation officer straight away.',
  wrongHousing:
    'If you have nowhere to stay tonight, go to the council housing office today. Go early in the day. Tell them you have just left prison.',
  wrongMoney: 'If you have no money, call Universal Credit. You can ask for an advance.',
  wrongUnwell: 'If you feel unwell and it is not an emergency, call NHS 111.',
  wrongEmergency: 'In an emergency, call 999.',
  wrongClosed: 'Offices may be shut at the weekend or on a bank holiday.',

  phonesHeading: 'Phone numbers',
  phoneLine: '{who}: {number}',
  phoneProbation: 'Probation Service, {area}',
  phoneProvider: '{provider}',
  phoneUniversalCredit: 'Universal Credit helpline',
  phoneNhs: 'NHS 111 (health help, not an emergency)',
  phoneSamaritans: 'Samaritans (someone to talk to, day or night)',
  phoneEmergency: 'Police, ambulance or fire (emergency)',
  phoneDomesticAbuseEngland: 'National Domestic Abuse Helpline (free, day or night)',
  phoneDomesticAbuseWales: 'Live Fear Free helpline (free, day or night)',
  noProbationPhone: 'Your probation officer will give you their phone number.',

  footer: 'If something on this plan is wrong or missing, tell your pre-release team.',
} as const;

export type PlanTextKey = keyof typeof EN;

/*
 * Welsh. Dates and times are written by Intl's Welsh locale (cy), with "dydd" in lower case as in running text; a
 * date follows a colon or "erbyn", so no mutation is needed before it ("ar ddydd Llun" would need one).
 */
const CY: Record<PlanTextKey, string> = {
  title: 'Eich cynllun rhyddhau',
  forWhom: 'Mae’r cynllun hwn ar gyfer {name} ({prisonNumber}).',
  keepSafe: 'Cadwch ef yn ddiogel. Dewch ag ef gyda chi pan fyddwch chi’n gadael.',
  madeOn: 'Dyddiad y cynllun: {date}.',
  releaseDate: 'Y diwrnod y byddwch chi’n gadael y carchar: {date}.',
  releaseDateUnknown: 'Nid yw dyddiad eich rhyddhau yn bendant eto. Bydd eich tîm yn dweud wrthych chi pan fydd.',

  helpersHeading: 'Pwy sy’n eich helpu chi',
  helpersIntro: 'Dyma beth mae angen help arnoch chi gydag ef, a phwy sy’n eich helpu chi.',
  noNeeds: 'Nid yw eich tîm wedi nodi unrhyw anghenion eto. Gofynnwch iddyn nhw.',
  helpedBy: 'Pwy sy’n helpu:',
  nobodyYet: 'Does neb wedi’i enwi eto. Gofynnwch i’r tîm cyn rhyddhau.',
  doneCount: 'Wedi’i wneud: {count}',
  toDoCount: 'I’w wneud o hyd: {count}',
  nextBy: 'Dylai’r peth nesaf gael ei wneud erbyn {date}.',
  statusLine: 'Ble mae pethau nawr: {status}',

  status_NOT_STARTED: 'heb ddechrau eto',
  status_SUPPORT_REQUIRED: 'mae angen help arnoch chi gyda hyn',
  status_IN_PROGRESS: 'mae’r gwaith wedi dechrau',
  status_DONE: 'wedi’i wneud',
  status_SUPPORT_DECLINED: 'dywedoch chi nad oeddech chi eisiau help gyda hyn',
  status_SUPPORT_NOT_REQUIRED: 'nid oes angen help arnoch chi gyda hyn',

  pathway_ACCOMMODATION: 'Lle i fyw: tŷ neu lety',
  pathway_ATTITUDES_THINKING_AND_BEHAVIOUR: 'Eich ffordd o feddwl a sut rydych chi’n delio â phethau',
  pathway_CHILDREN_FAMILIES_AND_COMMUNITY: 'Eich plant, eich teulu a’ch ffrindiau',
  pathway_DRUGS_AND_ALCOHOL: 'Cyffuriau ac alcohol',
  pathway_EDUCATION_SKILLS_AND_WORK: 'Gwaith, hyfforddiant a dysgu',
  pathway_FINANCE_AND_ID: 'Arian, cyfrif banc a phrawf adnabod',
  pathway_HEALTH: 'Eich iechyd',
  pathway_DOMESTIC_ABUSE: 'Cadw’n ddiogel rhag cam-drin',
  pathway_SEX_WORK: 'Cymorth os ydych chi wedi gwneud gwaith rhyw',

  role_PRE_RELEASE_TEAM: 'Y tîm cyn rhyddhau yn {prison}',
  role_POM: 'Eich rheolwr troseddwyr yn y carchar, {prison}',
  role_COM: 'Eich swyddog prawf (rheolwr troseddwyr yn y gymuned), y Gwasanaeth Prawf, {area}',
  role_CRS_CASEWORKER: 'Gweithiwr cymorth o {provider}',
  role_CRS_CASEWORKER_UNNAMED: 'Gweithiwr cymorth o wasanaeth cymorth i fenywod',
  role_KEYWORKER: 'Eich gweithiwr allweddol yn {prison}',
  namedPerson: '{helper}: {name}',
  thePrison: 'y carchar',

  releaseDayHeading: 'Diwrnod eich rhyddhau',
  appointmentsIntro: 'Dyma eich apwyntiadau ar y diwrnod y byddwch chi’n gadael.',
  noAppointments: 'Does dim apwyntiadau wedi’u trefnu eto. Bydd eich tîm yn dweud wrthych chi.',
  appointmentTime: '{time}: {what}',
  appointmentPlace: 'Ble: {place}, {town}',
  appointment_PROBATION: 'Cwrdd â’ch swyddog prawf',
  appointment_LOCAL_AUTHORITY_HOUSING: 'Tîm tai y cyngor',
  appointment_GP_OR_PHARMACY: 'Meddyg teulu neu fferyllfa',
  appointment_DRUG_AND_ALCOHOL_SERVICE: 'Gwasanaeth cyffuriau ac alcohol',
  appointment_JOBCENTRE: 'Canolfan Byd Gwaith',
  appointment_OTHER: 'Apwyntiad',
  arrangementsIntro: 'Pethau ar gyfer y diwrnod:',
  item_mobilePhone: 'Ffôn symudol',
  item_gatePickUp: 'Rhywun i’ch cwrdd chi wrth y giât',
  item_travel: 'Teithio i ble rydych chi’n mynd',
  item_medicationSupply: 'Eich meddyginiaeth',
  item_safeSpace: 'Lle diogel i fynd',
  itemArranged: '{item}: wedi’i drefnu',
  itemNeeded: '{item}: i’w drefnu o hyd',

  bringHeading: 'Beth i ddod gyda chi',
  bringIntro: 'Gwnewch yn siŵr bod y pethau hyn gennych chi pan fyddwch chi’n gadael y carchar:',
  bringLicence: 'Eich trwydded. Mae’n dweud ble mae’n rhaid i chi fynd a’r rheolau mae’n rhaid i chi eu cadw.',
  bringGrant: 'Arian eich grant rhyddhau a’r llythyr amdano, os ydych chi’n cael un.',
  bringId: 'Unrhyw brawf adnabod sydd gennych chi, fel pasbort, trwydded yrru neu dystysgrif geni.',
  bringBank: 'Eich cerdyn banc a llythyrau’r banc, os oes gennych chi gyfrif banc.',
  bringNi: 'Y llythyr gyda’ch rhif Yswiriant Gwladol, os oes gennych chi un.',
  bringPlan: 'Y cynllun hwn, ac unrhyw lythyrau am eich apwyntiadau.',
  bringPhone: 'Eich ffôn a’r gwefrydd, os oes gennych chi nhw.',

  wrongHeading: 'Os aiff rhywbeth o’i le',
  wrongLate:
    'Os byddwch chi’n hwyr i’r Gwasanaeth Prawf, neu os na allwch chi gyrraedd, ffoniwch eich swyddog prawf ar unwaith.',
  wrongHousing:
    'Os nad oes gennych chi dŷ na lle i aros heno, ewch i swyddfa dai y cyngor heddiw. Ewch yn gynnar yn y dydd. Dywedwch wrthyn nhw eich bod chi newydd adael y carchar.',
  wrongMoney: 'Os nad oes gennych chi arian, ffoniwch Credyd Cynhwysol. Gallwch chi ofyn am daliad ymlaen llaw.',
  wrongUnwell: 'Os ydych chi’n teimlo’n sâl a dydy hi ddim yn argyfwng, ffoniwch GIG 111.',
  wrongEmergency: 'Mewn argyfwng, ffoniwch 999.',
  wrongClosed: 'Gall swyddfeydd fod ar gau ar y penwythnos neu ar ddydd Gŵyl y Banc.',

  phonesHeading: 'Rhifau ffôn',
  phoneLine: '{who}: {number}',
  phoneProbation: 'Y Gwasanaeth Prawf, {area}',
  phoneProvider: '{provider}',
  phoneUniversalCredit: 'Llinell gymorth Credyd Cynhwysol (Cymraeg)',
  phoneNhs: 'GIG 111 (help gyda’ch iechyd, nid argyfwng)',
  phoneSamaritans: 'Samaritans (rhywun i siarad â nhw, ddydd a nos)',
  phoneEmergency: 'Heddlu, ambiwlans neu dân (argyfwng)',
  phoneDomesticAbuseEngland: 'Llinell Gymorth Genedlaethol Cam-drin Domestig (am ddim, ddydd a nos)',
  phoneDomesticAbuseWales: 'Llinell gymorth Byw Heb Ofn (am ddim, ddydd a nos)',
  noProbationPhone: 'Bydd eich swyddog prawf yn rhoi ei rif ffôn i chi.',

  footer: 'Os oes rhywbeth yn anghywir neu ar goll yn y cynllun hwn, dywedwch wrth y tîm cyn rhyddhau.',
};

export const RELEASE_PLAN_TEXT: Readonly<Record<PlanLanguage, Readonly<Record<PlanTextKey, string>>>> = {
  en: EN,
  cy: CY,
};

/** One sentence of the plan in her language, with her facts put in. A placeholder left unfilled is a bug. */
export function planText(
  language: PlanLanguage,
  key: PlanTextKey,
  values: Record<string, string | number> = {},
): string {
  return RELEASE_PLAN_TEXT[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) throw new RangeError(`Release plan text ${key} needs {${name}}`);
    return String(values[name]);
  });
}

/** The placeholders a sentence takes, for the test that both languages take the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/**
 * National phone numbers the plan prints, each with the page that gives it (the Universal Credit and Live Fear
 * Free numbers checked against the GOV.UK and GOV.WALES pages below on 30 Nov 2026). Universal Credit: GOV.UK
 * "Contact Universal Credit", https://www.gov.uk/universal-credit/contact-universal-credit (helpline
 * 0800 328 5644; Welsh language 0800 328 1744). NHS 111: NHS "When to use 111". Samaritans 116 123: GOV.UK "Get
 * help if you're feeling suicidal" links to it, as does NHS "Where to get urgent help for mental health". 999:
 * GOV.UK "Contact the police". National Domestic Abuse Helpline 0808 2000 247: GOV.UK "Domestic abuse: how to get
 * help". Live Fear Free 0808 80 10 800: Welsh Government, GOV.WALES "Live Fear Free",
 * https://www.gov.wales/live-fear-free.
 */
export const NATIONAL_PHONE_NUMBERS = {
  universalCredit: '0800 328 5644',
  universalCreditWelsh: '0800 328 1744',
  nhs111: '111',
  samaritans: '116 123',
  emergency: '999',
  domesticAbuseEngland: '0808 2000 247',
  domesticAbuseWales: '0808 80 10 800',
} as const;
