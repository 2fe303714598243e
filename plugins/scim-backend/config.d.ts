export interface Config {
  /** Configuration of the SCIM 2.0 provisioning plugin. */
  scim?: {
    /**
     * Largest `count` a SCIM list request may return; larger requests are capped.
     * @default 200
     */
    maxResults?: number;
    /**
     * Largest accepted request body, as a byte size string (`'5mb'`) or bytes.
     * A PATCH adding 10k group members is about 0.5 MB.
     * @default '5mb'
     */
    maxBodySize?: string | number;
    tokens?: {
      /**
       * Longest validity, in days, an admin may choose for a new bearer token.
       * @default 730
       */
      maxValidityDays?: number;
    };
  };
}
