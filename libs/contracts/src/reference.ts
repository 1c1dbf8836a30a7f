/** Reference data: release areas and the CRS provider of each. */
export interface ReleaseAreaView {
  code: string;
  name: string;
  country: string;
  provider: { id: string; name: string; allowsDirectReferral: boolean } | null;
}
