/** The TOTP enrolment secret travels from the sign-in page to the TOTP page in memory only, never in storage or the URL. */
let pending: { secret: string; otpauthUri: string } | undefined;

export function rememberEnrolment(e: { secret: string; otpauthUri: string } | undefined): void {
  pending = e;
}

export function takeEnrolment(): { secret: string; otpauthUri: string } | undefined {
  return pending;
}
