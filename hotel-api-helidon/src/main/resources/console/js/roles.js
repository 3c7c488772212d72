// Which role may do what, as the server's route table says (GET /openapi, x-roles); admin may do everything.
// The console hides what a key's role may not do; the server refuses it all the same.

const RIGHTS = {
  tape: ['manager', 'front_desk', 'auditor'],
  assign: ['manager', 'front_desk'],
  desk: ['front_desk'],
  booking: ['manager', 'front_desk', 'auditor'],
  bookingActions: ['front_desk'],
  folio: ['front_desk', 'auditor'],
  housekeeping: ['housekeeping', 'manager'],
  arrivals: ['housekeeping', 'manager', 'auditor'],
  dashboard: ['manager', 'auditor'],
  manager: ['manager', 'auditor'],
  rates: ['manager'],
  nightAudit: ['manager'],
  audit: ['manager', 'front_desk', 'auditor'],
  forecast: ['manager', 'auditor'],
  applyForecast: ['manager'],
  cancellationForecast: ['manager'],
};

export function can(role, right) {
  return role === 'admin' || (RIGHTS[right] || []).includes(role);
}

export const SCREENS = [
  { path: 'desk', label: 'Front desk', needs: 'desk', module: 'desk' },
  { path: 'tape', label: 'Tape chart', needs: 'tape', module: 'tape' },
  { path: 'housekeeping', label: 'Housekeeping', needs: 'housekeeping', module: 'housekeeping' },
  { path: 'dashboard', label: 'Dashboard', needs: 'dashboard', module: 'dashboard' },
  { path: 'manager', label: 'Manager', needs: 'manager', module: 'manager' },
  { path: 'forecast', label: 'Forecast', needs: 'forecast', module: 'forecast' },
];
