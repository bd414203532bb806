package io.testabort.reports.pytest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A crashed test's id as pytest reports show it, and its parts. JVM ids ({@code com.x.CalcTest#divides[2]},
 * {@code com.x.BootTest}) are kept as they are; a bare Python test name is anchored to
 * {@code <testfile>.py::name} as pytest-abort does.
 */
public final class NodeId {
  // a binary class name with a package, optionally #method and [i] invocations
  private static final Pattern JVM_ID =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+(#.*)?|[\\p{L}_$][\\p{L}\\p{N}_$]*#.*", Pattern.DOTALL);

  private final String id;

  private NodeId(String id) {
    this.id = id;
  }

  /** The report id for {@code nodeid}; {@code testfile} (with or without {@code .py}) may be null. */
  public static NodeId of(String nodeid, String testfile) {
    if (testfile == null || isPytestId(nodeid) || isJvmId(nodeid)) {
      return new NodeId(nodeid);
    }
    String file = testfile.endsWith(".py") ? testfile : testfile + ".py";
    return new NodeId(file + "::" + nodeid);
  }

  private static boolean isPytestId(String nodeid) {
    int sep = nodeid.indexOf("::");
    return sep >= 0 && nodeid.substring(0, sep).endsWith(".py");
  }

  private static boolean isJvmId(String nodeid) {
    return !nodeid.contains("::") && JVM_ID.matcher(nodeid).matches();
  }

  public String id() {
    return id;
  }

  /**
   * The ids pytest-abort gives the same crash in the reports it patches, when they differ from ours: it
   * anchors every id that is not {@code file.py::}-qualified to {@code <testfile>.py::<test_name>}, with
   * the running file when given ({@code handle_abort}), else the id itself as the file
   * ({@code postprocess_reports_from_crash_log}), so a JVM id {@code com.x.T#m} comes back as
   * {@code com.x.T#m.py::com.x.T#m}. A report that holds one of these already shows the crash.
   *
   * @param testName the crash record's {@code test_name}; blank or null means the node id, as there
   */
  public static List<String> pytestAbortForms(String nodeid, String testName, String testfile) {
    String id = nodeid.trim();
    if (isPytestId(id)) {
      return List.of();
    }
    String name = testName == null || testName.trim().isEmpty() ? id : testName.trim();
    List<String> forms = new ArrayList<>(2);
    forms.add(id + ".py::" + name);
    if (testfile != null && !testfile.isEmpty()) {
      String file = testfile.endsWith(".py") ? testfile : testfile + ".py";
      forms.add(file + "::" + name);
    }
    return forms;
  }

  /** The test file of a pytest id ({@code tests/test_x.py}), or the class of a JVM id. */
  public String file() {
    int sep = id.indexOf("::");
    if (sep >= 0) {
      return id.substring(0, sep);
    }
    int hash = id.indexOf('#');
    return hash >= 0 ? id.substring(0, hash) : id;
  }

  /** pytest-csv's module column: the file's name without {@code .py}; a JVM id's class. */
  public String module() {
    String file = file();
    if (!file.endsWith(".py")) {
      return file;
    }
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.substring(0, name.length() - ".py".length());
  }

  /** The test's own name: after the last {@code ::} or the {@code #}. */
  public String name() {
    int sep = id.lastIndexOf("::");
    if (sep >= 0) {
      return id.substring(sep + 2);
    }
    int hash = id.indexOf('#');
    return hash >= 0 ? id.substring(hash + 1) : id;
  }

  /** Whether the id names a Python test file (so {@link #file()} is a path). */
  public boolean isPytest() {
    return isPytestId(id);
  }
}
