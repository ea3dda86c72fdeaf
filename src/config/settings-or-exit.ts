import { loadSettings, SettingsError, type Settings } from './settings.ts';

/** For a process's entry point: wrong settings stop it with every problem named, exit code 2. */
export function settingsOrExit(): Settings {
  try {
    return loadSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
