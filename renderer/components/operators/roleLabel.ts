import type { Role } from '../../../shared/ipc/contract';

const LABELS: Record<Role, string> = { manager: 'manager', clerk: 'clerk' };

export const roleLabel = (role: Role): string => LABELS[role];
