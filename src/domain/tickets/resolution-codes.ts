/** How a ticket was resolved, as data. Reports group by code; labels are what analysts pick from. */
export const RESOLUTION_CODES = [
  { code: 'Fixed', label: 'Fixed permanently' },
  { code: 'Workaround', label: 'Workaround given' },
  { code: 'AdviceGiven', label: 'Advice or training given' },
  { code: 'ResolvedByCaller', label: 'Resolved by the caller' },
  { code: 'SupplierFixed', label: 'Fixed by a supplier' },
  { code: 'NoFaultFound', label: 'No fault found' },
  { code: 'NotReproducible', label: 'Could not reproduce' },
] as const;

export type ResolutionCode = (typeof RESOLUTION_CODES)[number]['code'];

export const isResolutionCode = (value: unknown): value is ResolutionCode =>
  typeof value === 'string' && RESOLUTION_CODES.some((r) => r.code === value);
