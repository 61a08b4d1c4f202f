// What Angular's template checker catches on the SDK's elements (docs/embedding.md, "What each
// framework's type checking catches"). Each template line holds one mistake; the lines ending in
// `<!-- error -->` must fail to compile and every other line must compile, so a change on either
// side (Angular, or the SDK's HTMLElementTagNameMap / event map) fails
// test/e2e/framework-examples.test.mjs. Compiled with `ngc -p tsconfig.type-test.json`.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'portal-widgets';

@Component({
  selector: 'app-template-limits',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
<portal-invite-statuss client-id="cl_1"></portal-invite-statuss>
<portal-invite-status client-idd="cl_1"></portal-invite-status>
<portal-invite-status [clientIdd]="id"></portal-invite-status>
<portal-invite-status [clientId]="123"></portal-invite-status>
<portal-invite-status [attr.client-id]="123"></portal-invite-status>
<billing-payment-methods [audience]="'patient'"></billing-payment-methods>
<portal-provider [getToken]="'abc'"></portal-provider>
<portal-invite-status (portal-invite-snt)="onAny($event)"></portal-invite-status>
<portal-invite-status (portal-invite-snt)="onAny($event.detail)"></portal-invite-status> <!-- error -->
<portal-invite-status (portal-invite-sent)="takesNumber($event.detail.invitationId)"></portal-invite-status> <!-- error -->
<portal-invite-status (portal-load)="onAny($event.detail.nope)"></portal-invite-status> <!-- error -->
<portal-invite-status (portal-load)="takesString($event)"></portal-invite-status> <!-- error -->
<portal-invite-status [clientId]="id" (portal-invite-sent)="takesString($event.detail.invitationId)"></portal-invite-status>
`,
})
export class TemplateLimits {
  protected readonly id = 'cl_1';
  protected onAny(_value: unknown): void {}
  protected takesNumber(_value: number): void {}
  protected takesString(_value: string): void {}
}
