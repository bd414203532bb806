package io.testabort.agent.exit;

import io.testabort.agent.instrument.Hook;

/**
 * The {@code Runtime.exit} and {@code Runtime.halt} hooks' agent side: records the exit; for
 * {@code System.exit} during a test with {@code onExit=fail}, hands back the exception the hooked
 * {@code Runtime.exit} then throws.
 */
final class RuntimeAdvice implements Hook {
  private final String via;

  RuntimeAdvice(String via) {
    this.via = via;
  }

  @Override
  public Object run(Object[] args) {
    // [runtime, status]
    return ExitEvents.exit((Integer) args[1], via);
  }
}
