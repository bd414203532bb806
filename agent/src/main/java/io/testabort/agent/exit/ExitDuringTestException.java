package io.testabort.agent.exit;

/**
 * Thrown out of {@code System.exit} during a test with {@code onExit=fail}: the test fails with it and the
 * JVM lives on. A {@link SecurityException}, as exit-blocking security managers used to throw.
 */
public final class ExitDuringTestException extends SecurityException {
  private static final long serialVersionUID = 1L;

  ExitDuringTestException(String message) {
    super(message);
  }
}
