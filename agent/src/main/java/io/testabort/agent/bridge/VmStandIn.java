package io.testabort.agent.bridge;

/**
 * Stands for {@code jdk.internal.misc.VM} in {@link BridgeTemplate}: {@link BootBridge} renames this
 * class to that one in the bridge's copy, so the bridge in {@code java.base} calls the JDK's
 * {@code VM.getRuntimeArguments()}. Its name and its method's signature must match that method's.
 */
final class VmStandIn {
  private VmStandIn() {}

  /** Never runs in the bridge; the template itself is never used as the bridge. */
  static String[] getRuntimeArguments() {
    return null;
  }
}
