export {
  IdentityAdminRequired,
  RequireIdentityAdmin,
} from './RequireIdentityAdmin';
