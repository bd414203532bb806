package io.testabort.agent.core;

import io.testabort.crash.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Renders the marker (docs/interface.md section 3) as UTF-8 JSON that fits one page of {@link MarkerFile},
 * counted in bytes: the node id is always written whole; names, ids and paths are capped (a name of CJK
 * characters or control characters takes up to 6 bytes a character), the {@code running} list and the
 * exit stack get what room is left. A record that cannot fit even with tight caps (a node id of
 * thousands of bytes) comes out larger than a page; {@link MarkerFile} then replaces the file whole.
 *
 * <p>A test's own members are rendered once, at its first write, and copied after that (a container is
 * written again at each of its children's ends). Not
 * thread-safe: the registry calls it under its lock.
 */
final class MarkerRenderer {
  /** The record and the page's final newline fit one page. */
  static final int LIMIT = MarkerFile.PAGE - 1;
  /** Room for the phase value: the longest phase, {@code "teardown"}, quotes included. */
  static final int PHASE_SLOT = 10;
  static final int MAX_RUNNING = 16;

  /** Caps, in bytes of JSON string content, for a record that fits and for one with a huge node id. */
  private static final Caps NORMAL = new Caps(256, 512, 128, 200);
  private static final Caps TIGHT = new Caps(40, 40, 40, 100);

  /** The {@code ", "} between members of a one-line writer. */
  private static final int SEPARATOR = 2;
  private static final byte[] SPACES = "        ".getBytes(StandardCharsets.US_ASCII);
  // the members written into every record, escaped once
  private static final JsonWriter.Name TEST_NAME = JsonWriter.nameOf("test_name");
  private static final JsonWriter.Name NODEID = JsonWriter.nameOf("nodeid");
  private static final JsonWriter.Name START_TIME = JsonWriter.nameOf("start_time");
  private static final JsonWriter.Name STATUS = JsonWriter.nameOf("status");
  private static final JsonWriter.Name FRAMEWORK = JsonWriter.nameOf("framework");
  private static final JsonWriter.Name TEST_CLASS = JsonWriter.nameOf("test_class");
  private static final JsonWriter.Name METHOD = JsonWriter.nameOf("method");
  private static final JsonWriter.Name DISPLAY_NAME = JsonWriter.nameOf("display_name");
  private static final JsonWriter.Name UNIQUE_ID = JsonWriter.nameOf("unique_id");
  private static final JsonWriter.Name PHASE = JsonWriter.nameOf("phase");
  private static final JsonWriter.Name THREAD = JsonWriter.nameOf("thread");
  private static final byte[][] PHASE_SLOTS = {
    slot(RunningTest.SETUP), slot(RunningTest.CALL), slot(RunningTest.TEARDOWN),
  };

  private final JsonWriter out = JsonWriter.utf8(2 * MarkerFile.PAGE);
  private final JsonWriter part = JsonWriter.utf8(MarkerFile.PAGE);
  private final Record record = new Record();
  private final byte[] pidAndGpu;
  private final byte[] jvmMembers;
  private final byte[] jvmMembersTight;

  /** A rendered marker: {@code bytes[0, length)}, and where its phase value starts (-1: not in place). */
  static final class Record {
    byte[] bytes;
    int length;
    int phaseOffset;
  }

  private static final class Caps {
    final int name;
    final int id;
    final int thread;
    final int frame;

    Caps(int name, int id, int thread, int frame) {
      this.name = name;
      this.id = id;
      this.thread = thread;
      this.frame = frame;
    }
  }

  MarkerRenderer(long pid, String gpuId, JvmInfo jvm) {
    part.reset().beginObject().name("pid").value(pid).name("gpu_id").value(gpuId, 64).endObject();
    pidAndGpu = members(part);
    jvmMembers = jvm(jvm, 512);
    jvmMembersTight = jvm(jvm, 64);
  }

  private byte[] jvm(JvmInfo jvm, int cap) {
    part.reset().beginObject().name("jvm").beginObject();
    if (jvm != null) {
      part.name("java_version").value(jvm.javaVersion, 64).name("cwd").value(jvm.cwd, cap)
          .name("error_file").value(jvm.errorFile, cap);
    }
    part.endObject().endObject();
    return members(part);
  }

  /** The phase value padded to {@link #PHASE_SLOT} bytes: a valid JSON string followed by spaces. */
  static byte[] phaseSlot(String phase) {
    switch (phase) {
      case RunningTest.SETUP:
        return PHASE_SLOTS[0];
      case RunningTest.CALL:
        return PHASE_SLOTS[1];
      case RunningTest.TEARDOWN:
        return PHASE_SLOTS[2];
      default:
        return slot(phase);
    }
  }

  /**
   * Whether the change from {@code shown} to {@code phase} lies within the eight bytes after the slot's
   * opening quote: {@code "setup"   } and {@code "call"    } differ in six; {@code "teardown"} in nine.
   */
  static boolean isWordFlip(String shown, String phase) {
    return (RunningTest.SETUP.equals(shown) || RunningTest.CALL.equals(shown))
        && (RunningTest.SETUP.equals(phase) || RunningTest.CALL.equals(phase));
  }

  private static byte[] slot(String phase) {
    StringBuilder s = new StringBuilder("\"").append(phase).append('"');
    while (s.length() < PHASE_SLOT) {
      s.append(' ');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  Record render(RunningTest top, String status, long timeoutSeconds, ExitRecord exit, List<RunningTest> parallel) {
    render(top, status, timeoutSeconds, exit, parallel, NORMAL);
    if (out.size() > LIMIT) {
      render(top, status, timeoutSeconds, exit, parallel, TIGHT);
    }
    record.bytes = out.buffer();
    record.length = out.size();
    return record;
  }

  private void render(
      RunningTest top, String status, long timeoutSeconds, ExitRecord exit, List<RunningTest> parallel, Caps caps) {
    boolean tight = caps == TIGHT;
    byte[] jvm = tight ? jvmMembersTight : jvmMembers;
    out.reset().beginObject();
    // pytest-abort's six keys first: test_name, nodeid, start_time, status, pid, gpu_id
    head(top, caps, tight);
    out.name(STATUS).value(status);
    out.rawMembers(pidAndGpu);
    tail(top, caps, tight);
    boolean inPlace = status.equals("running") && parallel.isEmpty();
    byte[] phase = phaseSlot(top.effectivePhase());
    if (inPlace) {
      // spaces before ', "phase": ' so that the eight bytes after the value's opening quote are an
      // aligned word of the page
      out.raw(SPACES, 0, (8 - (out.size() + 12) % 8) % 8);
      out.name(PHASE).rawValue(phase, 0, phase.length);
      record.phaseOffset = out.size() - phase.length;
    } else {
      record.phaseOffset = -1;
      out.name(PHASE).rawValue(phase, 0, phaseLength(phase));
    }
    out.name(THREAD).value(top.thread.getName(), caps.thread);
    if (timeoutSeconds > 0) {
      out.name("timeout").value(timeoutSeconds);
    }
    // what is left of the page after the jvm members and the closing brackets
    int reserve = jvm.length + 8;
    if (exit != null) {
      exit(exit, caps, reserve);
    }
    if (!parallel.isEmpty()) {
      running(parallel, caps, reserve);
    }
    out.rawMembers(jvm);
    out.endObject();
  }

  // exit and running are apart from render so that a JIT compiling the record of a plain test does not
  // compile them with it: most JVMs never render either

  /** The exit member, its stack frames as many as fit before {@code reserve}. */
  private void exit(ExitRecord exit, Caps caps, int reserve) {
    out.name("exit").beginObject();
    if (exit.code == null) {
      out.name("code").nullValue();
    } else {
      out.name("code").value(exit.code.longValue());
    }
    out.name("via").value(exit.via).name("stack").beginArray();
    for (String frame : exit.stack) {
      int mark = out.size();
      out.value(frame, caps.frame);
      if (out.size() + reserve + 4 > LIMIT) {
        out.truncate(mark);
        break;
      }
    }
    out.endArray().endObject();
  }

  /** The running list: the tests in flight, as many as fit before {@code reserve}. */
  private void running(List<RunningTest> parallel, Caps caps, int reserve) {
    out.name("running").beginArray();
    int n = 0;
    for (RunningTest t : parallel) {
      int mark = out.size();
      out.beginObject().name("nodeid").value(t.nodeid).name("thread").value(t.thread.getName(), caps.thread)
          .name("start_time").value(t.startTime).name("phase").value(t.effectivePhase()).endObject();
      if (++n > MAX_RUNNING || out.size() + reserve > LIMIT) {
        out.truncate(mark);
        break;
      }
    }
    out.endArray();
  }

  private static int phaseLength(byte[] slot) {
    int n = slot.length;
    while (slot[n - 1] == ' ') {
      n--;
    }
    return n;
  }

  /** test_name, nodeid (whole, always), start_time: the first members, rendered once per test. */
  private void head(RunningTest t, Caps caps, boolean tight) {
    if (!tight && t.renderedHead != null) {
      out.rawMembers(t.renderedHead);
      return;
    }
    int from = out.size(); // the object's first member: no separator before it
    out.name(TEST_NAME).value(t.testName, caps.name).name(NODEID).value(t.nodeid)
        .name(START_TIME).value(t.startTime);
    if (!tight) {
      t.renderedHead = Arrays.copyOfRange(out.buffer(), from, out.size());
    }
  }

  /** framework, test_class, method, display_name, unique_id (the last four when known), once per test. */
  private void tail(RunningTest t, Caps caps, boolean tight) {
    if (!tight && t.renderedTail != null) {
      out.rawMembers(t.renderedTail);
      return;
    }
    int from = out.size() + SEPARATOR; // after the ", " that name() writes first
    out.name(FRAMEWORK).value(t.framework, 64);
    optional(TEST_CLASS, t.testClass, caps.name);
    optional(METHOD, t.method, caps.name);
    optional(DISPLAY_NAME, t.displayName, caps.name);
    optional(UNIQUE_ID, t.uniqueId, caps.id);
    if (!tight) {
      t.renderedTail = Arrays.copyOfRange(out.buffer(), from, out.size());
    }
  }

  private void optional(JsonWriter.Name name, String value, int cap) {
    if (value != null) {
      out.name(name).value(value, cap);
    }
  }

  /** The members of the object {@code w} holds, without its braces. */
  private static byte[] members(JsonWriter w) {
    byte[] all = w.toByteArray();
    byte[] inner = new byte[all.length - 2];
    System.arraycopy(all, 1, inner, 0, inner.length);
    return inner;
  }
}
