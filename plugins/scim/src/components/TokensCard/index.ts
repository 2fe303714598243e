export { TokensCard } from './TokensCard';
