/**
 * The fake Excel host as each platform is documented to behave: Excel on Windows (desktop, Microsoft 365), Excel on
 * the web, Excel on Mac. A profile is the host's options for that platform; each switch names its source. Where no
 * source says how a platform behaves, the profile keeps the desktop behaviour and says so.
 *
 * What is the same on every platform, and so modelled once in host.ts for all profiles:
 * - the 5,000,000-cell read limit ("Payload size limit best practices", performance.md: "On all platforms, a range is
 *   limited to five million cells for get operations"); past it Excel "will either return null or throw an error"
 *   (resource-limits page) — null reported on Mac (office-js #4783) and on Windows, Mac and the web alike (#6781),
 *   RangeExceedsLimit in the error list ("Excel JavaScript API error handling"). Both answers are options
 *   (readLimit.over), and the tests run both on every profile;
 * - a sync refused while the person edits a cell, with the error list's InvalidOperationInCellEditMode (no platform
 *   note) or the cell-edit article's InvalidOperation (option cellEditCode: the documents disagree, tests run both);
 * - how a request is sized (API calls, objects, values: performance.md; host.ts REQUEST_CALL_BYTES), though only the
 *   web refuses one over 5 MB;
 * - change and selection events lost (office-js #1760, #533) or held back (#1502): FakeWorkbookState.loseEvent and
 *   holdEvents, which tests set on every profile;
 * - protect, unprotect and Worksheet.delete clear the undo stack on the web, Windows and Mac ("Undo capabilities in
 *   Excel add-ins": "No" in both columns);
 * - change events reach the add-in at no set moment relative to a sync's answer (office-js #1502 on Windows, #1760;
 *   the event article promises no order): option eventTiming, run both ways by the tests.
 */
import { FakeExcelHost, type FakeHostOptions } from './host';

export type PlatformName = 'desktop' | 'web' | 'mac' | 'office2021' | 'office2024';

export interface PlatformProfile {
  name: PlatformName;
  /** As the tests print it. */
  label: string;
  /** The host's options on this platform. */
  options: Readonly<FakeHostOptions>;
}

/**
 * ExcelApi 1.21, the newest numbered set, is supported on the web, on Windows (Microsoft 365, Version 2606) and on
 * Mac (16.110.1): "Excel JavaScript API requirement sets", availability table. So is 1.20, which "adds undo support
 * for Excel JavaScript APIs" (its requirement-set page). The fake models APIs up to 1.20; 1.21 adds none it uses.
 */
const NEWEST_ON_EVERY_PLATFORM = '1.21';

/** Excel on Windows (Microsoft 365). */
export const desktop: PlatformProfile = {
  name: 'desktop',
  label: 'Excel on Windows',
  options: {
    apiVersion: NEWEST_ON_EVERY_PLATFORM,
    // RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded: "This error only occurs in Office on the
    // web" (error list); "Excel on the web has a payload size limit for requests and responses of 5MB" (resource limits).
    payloadLimitBytes: false,
    responseLimitBytes: false,
    // "Undo capabilities in Excel add-ins": Worksheet.name and Worksheet.visibility have no undo support in Excel on
    // Windows and Mac, so they clear the stack.
    sheetNameClearsUndo: true,
    // office-js #420: a pick from a list's dropdown raised no onChanged on Windows (1902); it was closed as "fix
    // pending" with no build named, and #3888 (2024) saw it again on Windows 10. The fake keeps the event missing.
    dropdownPickRaisesOnChanged: false,
    // office-js #4691: the add-in's own Range.select() raises onSelectionChanged in Excel on the desktop, even on the
    // cell already selected.
    selectRaisesSelectionEvent: 'always',
    // "API limitations when the active workbook switches" (excel-add-ins-troubleshooting): "This only applies to
    // multiple Excel workbooks open on Windows or Mac."
    workbookSwitchErrors: true,
    // office-js #6784 (regression, Windows Version 2605): protect() on a protected sheet and unprotect() on an
    // unprotected one throw AccessDenied.
    protectionAccessDenied: true,
  },
};

/** Excel on the web. */
export const web: PlatformProfile = {
  name: 'web',
  label: 'Excel on the web',
  options: {
    apiVersion: NEWEST_ON_EVERY_PLATFORM,
    // "Excel on the web limits requests and responses to 5 MB" (performance.md; resource-limits page). Left to the
    // host's default of 5 MB (5 × 1024 × 1024 bytes of UTF-8 JSON; the page does not say how the bytes are counted).
    payloadLimitBytes: undefined,
    responseLimitBytes: undefined,
    // "Undo capabilities in Excel add-ins": Worksheet.name and Worksheet.visibility are supported (undoable) in Excel
    // on the web.
    sheetNameClearsUndo: false,
    // office-js #4066 (Excel on the web, labelled product bug) and #3888 (Excel for Web): a dropdown pick raises no
    // worksheet onChanged.
    dropdownPickRaisesOnChanged: false,
    // office-js #4691: on the web the add-in's select() of the cell already selected raises no onSelectionChanged;
    // #1329's log (Office Online) shows one when the add-in's call moves the selection.
    selectRaisesSelectionEvent: 'whenMoved',
    // The troubleshooting page's workbook-switch errors are Windows and Mac only.
    workbookSwitchErrors: false,
    // #6784 was reported on Windows and Mac; no report says the web has the regression: the earlier behaviour kept.
    protectionAccessDenied: false,
  },
};

/** Excel on Mac. */
export const mac: PlatformProfile = {
  name: 'mac',
  label: 'Excel on Mac',
  options: {
    apiVersion: NEWEST_ON_EVERY_PLATFORM,
    // The 5 MB limit is the web's only (error list: "This error only occurs in Office on the web").
    payloadLimitBytes: false,
    responseLimitBytes: false,
    // "Undo capabilities in Excel add-ins": the column "Excel on Windows and Excel on Mac" says No for Worksheet.name
    // and Worksheet.visibility.
    sheetNameClearsUndo: true,
    // No source says how a dropdown pick behaves on Mac: the desktop behaviour (no onChanged) is kept.
    dropdownPickRaisesOnChanged: false,
    // office-js #1329 (Mac 16.39): onSelectionChanged comes even where the selection did not change; no source says
    // how Mac treats select() on the cell already selected, so the desktop behaviour (#4691) is kept.
    selectRaisesSelectionEvent: 'always',
    // "This only applies to multiple Excel workbooks open on Windows or Mac."
    workbookSwitchErrors: true,
    // office-js #6784 (regression, Mac 16.110.1).
    protectionAccessDenied: true,
  },
};

/**
 * Volume-licensed perpetual Office on Windows (LTSC): the requirement-set table's column "Office on Windows
 * (volume-licensed perpetual/LTSC)" has "Office 2021: Version 2108" for ExcelApi 1.14, "Office 2024: Version 2302" for
 * 1.17, and "Not supported" for 1.18 to 1.21. So no undo support for add-ins' writes (1.20): every write clears the
 * person's undo stack, custom XML parts included (#4484). Otherwise Excel on Windows, as `desktop`; #6784 was reported
 * on Microsoft 365 builds (2605), which these channels do not get: the earlier protection behaviour is kept.
 */
export const office2021: PlatformProfile = {
  name: 'office2021',
  label: 'Excel 2021 (volume-licensed)',
  options: { ...desktop.options, apiVersion: '1.14', protectionAccessDenied: false },
};

export const office2024: PlatformProfile = {
  name: 'office2024',
  label: 'Excel 2024 (volume-licensed)',
  options: { ...desktop.options, apiVersion: '1.17', protectionAccessDenied: false },
};

export const PLATFORMS: readonly PlatformProfile[] = [desktop, web, mac, office2021, office2024];

/** A host behaving as the platform does, with the test's own options (an older requirement set, a failure…) on top. */
export function hostFor(profile: PlatformProfile, overrides: FakeHostOptions = {}): FakeExcelHost {
  return new FakeExcelHost({ ...profile.options, ...overrides });
}

/** Whether a request of this many bytes is refused on the platform (the web's 5 MB limit). */
export function limitsRequests(profile: PlatformProfile): boolean {
  return profile.options.payloadLimitBytes !== false;
}
