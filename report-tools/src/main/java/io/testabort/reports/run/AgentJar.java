package io.testabort.reports.run;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Optional;

/** Finds the agent jar when none is named: the one shipped next to the report-tools jar. */
public final class AgentJar {
  public static final String FILE_NAME = "test-abort-agent.jar";

  private AgentJar() {}

  /** {@value #FILE_NAME} in the directory of {@code codeSource} (a jar or a class directory), if it is there. */
  public static Optional<Path> beside(Path codeSource) {
    Path dir = codeSource.toAbsolutePath().getParent();
    if (dir == null) {
      return Optional.empty();
    }
    Path agent = dir.resolve(FILE_NAME);
    return Files.isRegularFile(agent) ? Optional.of(agent) : Optional.empty();
  }

  /** The agent jar next to the jar this class was loaded from. */
  public static Optional<Path> besideReportTools() {
    CodeSource source = AgentJar.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return beside(Paths.get(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty(); // not a file location (a custom class loader): nothing beside it
    }
  }
}
