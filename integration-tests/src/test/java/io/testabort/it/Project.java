package io.testabort.it;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the build put what the integration tests use (set by failsafe in the pom). */
final class Project {
  private Project() {}

  static Path agentJar() {
    return path("agent.jar");
  }

  static Path reportToolsJar() {
    return path("reportTools.jar");
  }

  static Path launcher(String name) {
    return path("launchers.dir").resolve(name);
  }

  static Path examples() {
    return path("examples.dir");
  }

  static Path repo() {
    return path("repo.dir");
  }

  private static Path path(String property) {
    String v = System.getProperty(property);
    if (v == null) {
      throw new IllegalStateException("system property " + property + " is not set; run through Maven (failsafe)");
    }
    return Paths.get(v).toAbsolutePath().normalize();
  }
}
