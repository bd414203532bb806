package io.testabort.agent.core;

import java.nio.file.Path;

/** Installs a real registry writing to a temp marker, for tests of the framework event classes. */
public final class Registries {
  private Registries() {}

  public static TestRegistry install(Path marker) {
    TestRegistry registry = new TestRegistry(new MarkerFile(marker), 4242, "0");
    TestRegistry.install(registry);
    return registry;
  }

  public static void uninstall() {
    TestRegistry.install(null);
  }
}
