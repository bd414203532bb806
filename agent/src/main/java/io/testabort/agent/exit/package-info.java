/**
 * {@code System.exit} and {@code Runtime.halt} during a test: the hooks on {@code java.lang.Runtime}, the
 * record of the exit, and the {@code onExit=fail} refusal.
 */
package io.testabort.agent.exit;
