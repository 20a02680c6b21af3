/** The countries and organisations facts are about; a briefing is only ever for a country. */
export const PARTY_KINDS = ["country", "organisation"] as const;
