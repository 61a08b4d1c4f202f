// Spanish for capabilities.messages.ts: same keys and parameters (the types check it), loaded only with the es locale pack.
import type { capabilityMessages } from './capabilities.messages.js';

export const capabilityMessagesEs: (typeof capabilityMessages)['en'] = {
  'portal.invite': 'enviar invitaciones al portal',
  'portal.email': 'cambiar las direcciones de correo del portal',
  'portal.disable': 'desactivar el acceso al portal',
  'portal.pin': 'generar PIN de inicio de sesión',
  'practice.settings': 'activar o desactivar el portal de clientes para la práctica',
  'permissions.edit': 'cambiar los permisos del portal',
  'contacts.edit': 'añadir, editar o quitar contactos',
  'documents.assign': 'asignar documentos o enviar recordatorios',
  'documents.cancel': 'cancelar documentos',
  'billing.view': 'ver la facturación',
  'billing.cards': 'gestionar tarjetas guardadas y tarjetas de seguro',
  'billing.charge': 'cobrar pagos',
  'activity.view': 'ver el historial de actividad',
  roleCannot: (what: string) => `Su función no le permite ${what}.`,
  askColleague: (what: string) => `Pida ayuda a un colega que pueda ${what}.`,
};
