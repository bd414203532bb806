package io.testabort.reports.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.testabort.crash.BadInputException;
import io.testabort.crash.Marker;
import io.testabort.crash.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Names the tests in flight in a running JVM. Asks the JVM first (Attach API, system properties) whether
 * it runs the agent; if so its marker says it all. Otherwise loads the agent with
 * {@link ByteBuddyAgent#attach(java.io.File, String, String)}: the agent names the tests from the stacks,
 * writes the marker into the marker directory and hooks the tests that start later, and the JVM runs on.
 */
public final class JvmAttach {
  /** What an active agent publishes (io.testabort.agent.attach.AttachSnapshot). */
  static final String PUBLISHED_DIR = "testabort.agent.markerDir";
  static final String PUBLISHED_FILE = "testabort.agent.markerFile";
  /** The agent's premain argument, published until the agent activates (no test framework loaded yet). */
  static final String PENDING_ARGS = "testabort.agent.args";

  private final Path agentJar;
  private final Path markerDir;

  /** {@link #inspect} needed to load the agent into a JVM that does not run it, and has no agent jar. */
  public static final class NoAgentJarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoAgentJarException(long pid) {
      super("JVM " + pid + " does not run the agent, and there is no agent jar to load into it");
    }
  }

  /**
   * @param agentJar the jar to load into a JVM that does not run the agent; null when there is none (a
   *     JVM that runs the agent is still read)
   * @throws IllegalArgumentException for a marker directory the agent's options cannot carry
   */
  public JvmAttach(Path agentJar, Path markerDir) {
    this.agentJar = agentJar == null ? null : agentJar.toAbsolutePath().normalize();
    // absolute: the target runs in its own working directory
    this.markerDir = markerDir.toAbsolutePath().normalize();
    if (this.markerDir.toString().contains(",")) {
      throw new IllegalArgumentException("--marker-dir: the agent's options cannot carry a path with ',': " + this.markerDir);
    }
  }

  public TestsInFlight inspect(long pid) throws BadInputException, IOException {
    Properties system;
    Properties agent;
    VirtualMachine vm = connect(pid);
    try {
      system = vm.getSystemProperties();
      agent = vm.getAgentProperties();
    } finally {
      vm.detach();
    }
    int feature = feature(system.getProperty("java.specification.version"));
    String dir = system.getProperty(PUBLISHED_DIR);
    String file = system.getProperty(PUBLISHED_FILE);
    String pending = system.getProperty(PENDING_ARGS);
    if (dir == null && file == null && pending != null) {
      // the agent is there but no test framework has loaded (a build tool's own JVM): its marker, if any
      String cwd = system.getProperty("user.dir", "");
      file = resolve(cwd, option(pending, "file"));
      dir = file == null ? resolve(cwd, option(pending, "dir")) : null;
    }
    if (dir != null || file != null) {
      Path marker = file != null ? Paths.get(file) : Paths.get(dir).resolve("last_running_" + pid + ".json");
      return new TestsInFlight(pid, TestsInFlight.Source.AGENT_MARKER, feature, false, marker,
          Files.exists(marker) ? Marker.read(marker).fields() : null, List.of());
    }
    boolean warns = feature >= 21 && !String.valueOf(agent.getProperty("sun.jvm.flags")).contains("+EnableDynamicAgentLoading")
        && !String.valueOf(agent.getProperty("sun.jvm.args")).contains("+EnableDynamicAgentLoading");
    return attach(pid, feature, warns);
  }

  /** The value of {@code key} in an agent argument ({@code dir=D,log=debug}), keys as the agent reads them; null if absent. */
  static String option(String args, String key) {
    for (String part : args.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(key) && !part.substring(eq + 1).trim().isEmpty()) {
        return part.substring(eq + 1).trim();
      }
    }
    return null;
  }

  /** {@code path} against the target JVM's working directory, as the agent resolves it there. */
  private static String resolve(String cwd, String path) {
    return path == null ? null : Paths.get(cwd).resolve(path).toString();
  }

  private TestsInFlight attach(long pid, int feature, boolean warns) throws BadInputException, IOException {
    if (agentJar == null) {
      throw new NoAgentJarException(pid);
    }
    Path report = Files.createTempFile("test-abort-attach-" + pid + "-", ".json");
    try {
      Files.delete(report); // the agent creates it whole, by a rename
      Files.createDirectories(markerDir);
      try {
        ByteBuddyAgent.attach(agentJar.toFile(), Long.toString(pid), "dir=" + markerDir + ",attachReport=" + report);
      } catch (RuntimeException e) {
        throw new BadInputException(pidInput(pid), "could not load the agent: " + rootMessage(e), e);
      }
      if (!Files.exists(report)) {
        throw new BadInputException(pidInput(pid), "the agent was loaded but wrote no report (see the JVM's stderr)");
      }
      Object value = Json.read(report);
      if (!(value instanceof Map)) {
        throw new BadInputException(report, "not a JSON object");
      }
      Map<?, ?> doc = (Map<?, ?>) value;
      List<ThreadInFlight> threads = new ArrayList<>();
      if (doc.get("tests") instanceof List) {
        for (Object t : (List<?>) doc.get("tests")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> fields = (Map<String, Object>) t;
          threads.add(new ThreadInFlight(fields));
        }
      }
      Path marker = doc.get("marker") instanceof String ? Paths.get((String) doc.get("marker")) : null;
      Map<String, Object> markerFields = marker != null && Files.exists(marker) ? Marker.read(marker).fields() : null;
      return new TestsInFlight(pid, TestsInFlight.Source.ATTACHED, feature, warns, marker, markerFields, threads);
    } finally {
      Files.deleteIfExists(report);
    }
  }

  private static VirtualMachine connect(long pid) throws BadInputException {
    try {
      return VirtualMachine.attach(Long.toString(pid));
    } catch (AttachNotSupportedException | IOException e) {
      throw new BadInputException(pidInput(pid), "cannot attach (no JVM of this user with that pid, or its attach mechanism is off): "
          + rootMessage(e), e);
    }
  }

  /** How a pid is named in a bad-input line, since there is no file. */
  static Path pidInput(long pid) {
    return Paths.get("pid " + pid);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  /** {@code 17} from "17", {@code 8} from "1.8"; 0 when unreadable. */
  static int feature(String specVersion) {
    if (specVersion == null) {
      return 0;
    }
    try {
      String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
      int dot = v.indexOf('.');
      return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
