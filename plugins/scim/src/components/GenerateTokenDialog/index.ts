export { GenerateTokenDialog } from './GenerateTokenDialog';
