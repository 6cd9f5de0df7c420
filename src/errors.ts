// The small typed error set; each is turned into a reply or an exit code in one place.

/** Bad input or a refused request: exit code 1, a one-line reason. */
export class UserInputError extends Error {
  constructor(message: string, readonly key?: string) {
    super(message);
  }
}

export class NotFoundError extends UserInputError {}

/** Bad or partial configuration; names the variable. Exit code 1 at start-up. */
export class ConfigError extends Error {}

/** A messaging platform refused or failed a call; `code` is the platform's own error code. */
export class PlatformError extends Error {
  constructor(message: string, readonly platform: string, readonly code?: string | number, readonly transient = false) {
    super(message);
  }
}
