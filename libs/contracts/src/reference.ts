/** Reference data: release areas and the CRS provider of each. */
export interface ReleaseAreaView {
  code: string;
  name: string;
  country: string;
  provider: { id: string; name: string; allowsDirectReferral: boolean } | null;
}

/** `GET /prisons`: the women's estate, each prison with its region (null for none). */
export interface PrisonView {
  code: string;
  name: string;
  regionCode: string | null;
}
