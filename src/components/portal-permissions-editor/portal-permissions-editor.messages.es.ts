// Spanish for portal-permissions-editor.messages.ts: same keys and parameters (the types check it), loaded only with the es locale pack.
import type { messages } from './portal-permissions-editor.messages.js';

export const messagesEs: (typeof messages)['en'] = {
  title: 'Permisos del portal',
  clientSection: 'Qué puede hacer el cliente en el portal',
  usersSection: 'Permisos de los usuarios del portal',
  usersIntro: 'Padres, tutores y ayudantes inscritos en el portal de este cliente, y qué puede usar cada uno.',
  noUsersTitle: 'Todavía no hay usuarios del portal',
  noUsersHelp: 'Para que un padre, tutor o ayudante use el portal en nombre de este cliente, invítelo desde los contactos del cliente. Aparecerá aquí una vez inscrito.',
  payBlockedTitle: 'No disponible:',
  payBlockedNoAccount: 'la consulta no tiene una cuenta de pagos en línea activa.',
  payFixNoAccount: 'Para solucionarlo: configure los pagos con tarjeta en línea de la consulta y vuelva aquí.',
  payBlockedBillingOff: 'requiere «Acceder a documentos de facturación».',
  payFixBillingOff: 'Para solucionarlo: active primero «Acceder a documentos de facturación».',
  payTurnedOffWithBilling: 'Se desactivó junto con «Acceder a documentos de facturación», que es necesario. Guarde para conservar el cambio.',
  payTurnedOffAnnounce: 'Pagar saldo pendiente también se desactivó, porque requiere Acceder a documentos de facturación.',
  portalOffTitle: 'El portal de clientes está desactivado para toda la consulta',
  portalOffBody: 'Los clientes y usuarios del portal no pueden iniciar sesión, aunque tengan el acceso activado aquí. Los permisos que guarde se aplicarán cuando se vuelva a activar el portal.',
  practiceSwitch: 'Portal de clientes de toda la consulta',
  practiceSwitchHelp: 'Si está desactivado, ningún cliente ni usuario del portal puede iniciar sesión ni usar ninguna función, tenga el acceso que tenga.',
  turnOffTitle: '¿Desactivar el portal de clientes para toda la consulta?',
  turnOffBody:
    'Ningún cliente ni usuario del portal podrá iniciar sesión ni usar el portal (mensajes, documentos y formularios, solicitudes de cita, facturación y pagos) hasta que se vuelva a activar, tenga el acceso que tenga. Mientras tanto no se pueden enviar invitaciones.',
  turnOff: 'Desactivar el portal',
  turnOnTitle: '¿Activar el portal de clientes para toda la consulta?',
  turnOnBody: 'Los clientes y usuarios del portal con acceso podrán volver a iniciar sesión, con los permisos definidos para cada uno.',
  turnOn: 'Activar el portal',
  practiceNowOff: 'El portal de clientes está ahora desactivado para toda la consulta.',
  practiceNowOn: 'El portal de clientes está ahora activado para toda la consulta.',
  practiceAlready: (on: boolean) => (on ? 'Otra persona ya activó el portal.' : 'Otra persona ya desactivó el portal.'),
};
