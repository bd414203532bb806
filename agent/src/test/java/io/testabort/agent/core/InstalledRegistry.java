package io.testabort.agent.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests of the framework event classes: a real registry, writing to a marker in a temp directory, is
 * this JVM's registry during each test; afterwards there is none and no skip list.
 * {@code @RegisterExtension final InstalledRegistry registry = new InstalledRegistry();}
 */
public final class InstalledRegistry implements BeforeEachCallback, AfterEachCallback {
  private Path dir;
  private TestRegistry registry;

  /** The registry of the running test. */
  public TestRegistry get() {
    return registry;
  }

  /** The temp directory the marker is in, for other files a test needs. */
  public Path dir() {
    return dir;
  }

  /** Takes the registry away mid-test, to check that events without one do nothing. */
  public void uninstall() {
    AgentSession.install(null);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("registry");
    registry = new TestRegistry(new MarkerFile(dir.resolve("marker.json")), 4242, "0");
    AgentSession.install(registry);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    AgentSession.install(null);
    SkipList.configure(null);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
