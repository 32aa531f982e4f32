import { t } from '../../i18n';
import type { Role } from '../../../shared/ipc/contract';

export const roleLabel = (role: Role): string => t(`shell.roles.${role}`);
