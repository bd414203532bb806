package io.testabort.agent.core;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The options of docs/interface.md section 2. Each key comes from the agent argument, else the system property
 * {@code testabort.<key>}, else the first environment variable of its list that is set. Unknown keys and
 * bad values are collected as {@link #problems()} and otherwise ignored.
 */
public final class AgentOptions {

  /** What a {@code System.exit} during a test does. */
  public enum OnExit {
    RECORD,
    FAIL
  }

  /** The keys that name the marker: either makes the agent active (AgentRuntime looks for them in premain). */
  public static final String FILE = "file";
  public static final String DIR = "dir";

  /** Every key with its environment variables, in precedence order. */
  static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put(FILE, Arrays.asList("TEST_ABORT_LAST_RUNNING_FILE", "PYTEST_ABORT_LAST_RUNNING_FILE", "JAX_ROCM_LAST_RUNNING_FILE"));
    KEYS.put(DIR, Arrays.asList("TEST_ABORT_LAST_RUNNING_DIR", "PYTEST_ABORT_LAST_RUNNING_DIR", "JAX_ROCM_LAST_RUNNING_DIR"));
    KEYS.put("crashLog", Arrays.asList("TEST_ABORT_CRASHED_TESTS_LOG", "PYTEST_ABORT_CRASHED_TESTS_LOG", "JAX_ROCM_CRASHED_TESTS_LOG"));
    KEYS.put("skip", Collections.singletonList("TEST_ABORT_SKIP"));
    KEYS.put("timeout", Collections.singletonList("TEST_ABORT_TIMEOUT"));
    KEYS.put("onExit", Collections.singletonList("TEST_ABORT_ON_EXIT"));
    KEYS.put("gpuEnv", Collections.singletonList("TEST_ABORT_GPU_ENV"));
    KEYS.put("log", Collections.singletonList("TEST_ABORT_LOG"));
  }

  static final List<String> DEFAULT_GPU_ENV =
      Collections.unmodifiableList(Arrays.asList("HIP_VISIBLE_DEVICES", "ROCR_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES"));

  private final Path markerFile;
  private final Path markerDir;
  private final Path crashLog;
  private final Path skipFile;
  private final long timeoutSeconds;
  private final OnExit onExit;
  private final List<String> gpuEnv;
  private final boolean debug;
  private final List<String> problems;

  private AgentOptions(Map<String, String> values, List<String> problems) {
    this.problems = problems;
    this.markerFile = path(values.get(FILE));
    this.markerDir = path(values.get(DIR));
    this.crashLog = path(values.get("crashLog"));
    this.skipFile = path(values.get("skip"));
    this.timeoutSeconds = positiveLong("timeout", values.get("timeout"));
    this.onExit = onExit(values.get("onExit"));
    this.gpuEnv = gpuEnv(values.get("gpuEnv"));
    this.debug = debug(values.get("log"));
  }

  /** Resolves the options from the agent argument, system properties and environment. */
  public static AgentOptions resolve(String agentArgs, Function<String, String> sysProps, Function<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, String> fromArgs = parseArgs(agentArgs, problems);
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> key : KEYS.entrySet()) {
      String v = fromArgs.get(key.getKey());
      if (isBlank(v)) {
        v = sysProps.apply("testabort." + key.getKey());
      }
      for (int i = 0; isBlank(v) && i < key.getValue().size(); i++) {
        v = env.apply(key.getValue().get(i));
      }
      if (!isBlank(v)) {
        values.put(key.getKey(), v.trim());
      }
    }
    return new AgentOptions(values, problems);
  }

  public static AgentOptions fromEnvironment(String agentArgs) {
    return resolve(agentArgs, new SystemLookup(false), new SystemLookup(true));
  }

  /**
   * System properties or environment variables. A class, not {@code System::getProperty}: every method
   * reference spins a class at its first call, a millisecond of a test JVM's start-up.
   */
  private static final class SystemLookup implements Function<String, String> {
    private final boolean environment;

    SystemLookup(boolean environment) {
      this.environment = environment;
    }

    @Override
    public String apply(String name) {
      return environment ? System.getenv(name) : System.getProperty(name);
    }
  }

  /** {@code key=value[,key=value...]}; keys are matched case-insensitively so {@code onexit=fail} works too. */
  private static Map<String, String> parseArgs(String args, List<String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (isBlank(args)) {
      return out;
    }
    for (String part : args.split(",")) {
      if (part.trim().isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
      String canonical = canonicalKey(key);
      if (canonical == null) {
        problems.add("unknown option '" + key + "' ignored (known: " + String.join(", ", KEYS.keySet()) + ")");
      } else if (eq < 0) {
        problems.add("option '" + key + "' needs a value (" + key + "=...), ignored");
      } else if (part.substring(eq + 1).trim().isEmpty()) {
        // dir=${MARKER_DIR} with the variable unset: say so, or the agent is silently inert
        problems.add("option '" + key + "' is empty (" + key + "=), ignored");
      } else {
        out.put(canonical, part.substring(eq + 1));
      }
    }
    return out;
  }

  private static String canonicalKey(String key) {
    for (String k : KEYS.keySet()) {
      if (k.equalsIgnoreCase(key)) {
        return k;
      }
    }
    return null;
  }

  private Path path(String v) {
    return v == null ? null : Paths.get(v).toAbsolutePath();
  }

  private long positiveLong(String key, String v) {
    if (v == null) {
      return 0;
    }
    try {
      long n = Long.parseLong(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("option '" + key + "' must be a whole number of seconds > 0, got '" + v + "', ignored");
    return 0;
  }

  private OnExit onExit(String v) {
    if (v == null) {
      return OnExit.RECORD;
    }
    try {
      return OnExit.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("option 'onExit' must be 'record' or 'fail', got '" + v + "', using 'record'");
      return OnExit.RECORD;
    }
  }

  private List<String> gpuEnv(String v) {
    if (v == null) {
      return DEFAULT_GPU_ENV;
    }
    List<String> names = new ArrayList<>();
    for (String n : v.split("[,;: ]")) {
      if (!n.trim().isEmpty()) {
        names.add(n.trim());
      }
    }
    return Collections.unmodifiableList(names);
  }

  private boolean debug(String v) {
    if (v == null || v.equalsIgnoreCase("warn")) {
      return false;
    }
    if (v.equalsIgnoreCase("debug")) {
      return true;
    }
    problems.add("option 'log' must be 'warn' or 'debug', got '" + v + "', using 'warn'");
    return false;
  }

  private static boolean isBlank(String s) {
    return s == null || s.trim().isEmpty();
  }

  /** With neither {@code file} nor {@code dir} the agent does nothing at all. */
  public boolean active() {
    return markerFile != null || markerDir != null;
  }

  /** The marker of this JVM: {@code file} if given, else {@code dir/last_running_<pid>.json}. */
  public Path markerPath(long pid) {
    if (markerFile != null) {
      return markerFile;
    }
    return markerDir == null ? null : markerDir.resolve("last_running_" + pid + ".json");
  }

  /** One marker per JVM in {@code dir} (no {@code file} given). */
  public boolean dirMode() {
    return markerFile == null && markerDir != null;
  }

  public Path markerDir() {
    return markerDir;
  }

  public Path crashLog() {
    return crashLog;
  }

  public Path skipFile() {
    return skipFile;
  }

  public long timeoutSeconds() {
    return timeoutSeconds;
  }

  public OnExit onExit() {
    return onExit;
  }

  public List<String> gpuEnv() {
    return gpuEnv;
  }

  public boolean debug() {
    return debug;
  }

  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }
}
