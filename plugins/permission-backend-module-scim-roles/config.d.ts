export interface Config {
  scim?: {
    access?: {
      /** The SCIM roles permission policy (`permission-backend-module-scim-roles`). */
      policy?: {
        /**
         * User entity refs allowed every permission, whatever their roles:
         * the bootstrap admins who grant the first roles. Keep it short.
         * @example ['user:default/jane.doe']
         */
        adminUsers?: string[];
      };
    };
  };
}
