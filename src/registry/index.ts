export {
  REGISTRY_INPUTS,
  caFile,
  loginFor,
  readCa,
  readLogin,
  readRegistryInputs,
  registryHost,
  scopedAccess,
  type Login,
  type RegistryAccess,
  type RegistryCa,
  type RegistryInputs,
} from './access.js';
