import type { AppVersions } from '../../shared/diagnostics';

/** What the app knows about itself and the system it runs on, for the About page. */
export interface AppInfo {
  versions: AppVersions;
  /** "linux x64", "darwin arm64", "win32 x64". */
  platform: string;
  /** Shortcuts are shown with ⌘ and ⌥ on a Mac. */
  mac: boolean;
}
