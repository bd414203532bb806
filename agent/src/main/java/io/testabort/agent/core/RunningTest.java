package io.testabort.agent.core;

/**
 * A test or container in flight: what a framework instrumentation reports when it starts, plus the
 * phase it is in. Immutable but for the phase and the child flag, which the framework updates as it goes.
 */
public final class RunningTest {
  public static final String SETUP = "setup";
  public static final String CALL = "call";
  public static final String TEARDOWN = "teardown";

  final String key;
  final String nodeid;
  final String testName;
  final String testClass;
  final String method;
  final String displayName;
  final String uniqueId;
  final String framework;
  final boolean isTest;
  /** Which hook layer recorded it (the events class's name for itself, e.g. {@code junit-platform}). */
  final String recordedBy;
  /** While it runs, a start reported on its thread by another layer is this same work seen twice. */
  final boolean coversThread;
  /** Nothing of the test runs after its method: its move to teardown is not written (see the builder). */
  final boolean emptyTeardown;
  final Thread thread;
  /** pytest-abort's {@code datetime.fromisoformat} format: local time, microseconds, no offset. */
  final String startTime;
  final long startNanos;
  volatile String phase;
  volatile boolean hadChildren;
  /** How deep this thread is in test methods of this test: tests run inline inside it go deeper (registry lock). */
  int methodDepth;
  /** Its marker members, rendered once by {@link MarkerRenderer} (under the registry's lock). */
  byte[] renderedHead;
  byte[] renderedTail;

  private RunningTest(Builder b) {
    this.key = b.key;
    this.nodeid = b.nodeid;
    this.testName = b.testName;
    this.testClass = b.testClass;
    this.method = b.method;
    this.displayName = b.displayName;
    this.uniqueId = b.uniqueId;
    this.framework = b.framework;
    this.isTest = b.isTest;
    this.recordedBy = b.recordedBy != null ? b.recordedBy : b.framework;
    this.coversThread = b.coversThread;
    this.emptyTeardown = b.emptyTeardown;
    this.phase = b.phase;
    this.thread = Thread.currentThread();
    this.startTime = StartTime.now();
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts describing a test or container.
   *
   * @param key identity within this JVM (e.g. the JUnit Platform unique id); a second start of the same key
   *     while it runs is ignored
   */
  public static Builder builder(String key, String framework, boolean isTest) {
    return new Builder(key, framework, isTest);
  }

  /** A class-level container (setup and teardown of a test class), named by the class alone. */
  public static Builder forClass(String key, String framework, String className) {
    return builder(key, framework, false).nodeid(className).testName(simpleName(className)).testClass(className);
  }

  /** {@code CalcTest} for {@code com.example.CalcTest} (nested classes keep their {@code $}). */
  public static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  public String key() {
    return key;
  }

  public String nodeid() {
    return nodeid;
  }

  public String framework() {
    return framework;
  }

  public boolean isTest() {
    return isTest;
  }

  public String phase() {
    return phase;
  }

  public String testName() {
    return testName;
  }

  public Thread thread() {
    return thread;
  }

  public String testClass() {
    return testClass;
  }

  public String method() {
    return method;
  }

  /**
   * The phase a container is in: setup until its first child starts, teardown after, or from the start
   * when it was built in teardown (a container seen only in its class-level teardown, as TestNG's).
   */
  String effectivePhase() {
    if (isTest) {
      return phase;
    }
    return hadChildren || TEARDOWN.equals(phase) ? TEARDOWN : SETUP;
  }

  @Override
  public String toString() {
    return nodeid + " (" + framework + ", " + (isTest ? phase : "container") + ")";
  }

  /** Fields of a {@link RunningTest}; only key, framework and nodeid are required. */
  public static final class Builder {
    private final String key;
    private final String framework;
    private final boolean isTest;
    private String nodeid;
    private String testName;
    private String testClass;
    private String method;
    private String displayName;
    private String uniqueId;
    private String phase = CALL;
    private String recordedBy;
    private boolean coversThread;
    private boolean emptyTeardown;

    private Builder(String key, String framework, boolean isTest) {
      this.key = key;
      this.framework = framework;
      this.isTest = isTest;
    }

    public Builder nodeid(String v) {
      nodeid = v;
      return this;
    }

    public Builder testName(String v) {
      testName = v;
      return this;
    }

    public Builder testClass(String v) {
      testClass = v;
      return this;
    }

    public Builder method(String v) {
      method = v;
      return this;
    }

    public Builder displayName(String v) {
      displayName = v;
      return this;
    }

    public Builder uniqueId(String v) {
      uniqueId = v;
      return this;
    }

    public Builder phase(String v) {
      phase = v;
      return this;
    }

    /** The hook layer that records it; defaults to the framework. */
    public Builder recordedBy(String layer) {
      recordedBy = layer;
      return this;
    }

    /**
     * While it runs, starts that another layer reports on the same thread are not recorded: they are
     * this same test or class seen again (the JUnit Platform's TestNG engine inside a TestNG
     * invocation; JUnit 4's notifier inside the Platform's Vintage engine).
     */
    public Builder coversThread() {
      coversThread = true;
      return this;
    }

    /**
     * The framework knows that none of the test's own code runs after its method returns (a JUnit 4
     * class with no {@code @After} and no {@code @Rule}, under JUnit's own runner): the move to teardown
     * stays in memory and the marker keeps {@code call} until the test ends, one write per test less.
     */
    public Builder emptyTeardown() {
      emptyTeardown = true;
      return this;
    }

    public RunningTest build() {
      if (nodeid == null) {
        nodeid = key;
      }
      if (testName == null) {
        testName = method != null ? method : nodeid;
      }
      return new RunningTest(this);
    }
  }
}
