package io.testabort.agent.core;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The node ids of the {@code skip} option (docs/interface.md section 2): a crash log (JSONL, field
 * {@code nodeid}) or plain lines (one node id each; blank lines and {@code #} comments ignored). An id
 * matches itself; {@code Class#method} also matches every invocation {@code Class#method[i]...}; a class
 * alone (a crash in class-level setup) matches the class and all its tests.
 *
 * <p>The file is read once, when a framework first asks (the first test start), never at premain.
 */
public final class SkipList {
  /** The reason every framework reports for a skipped test. */
  public static final String REASON = "crashed in an earlier run";

  private static volatile Path configured;
  private static volatile SkipList loaded;

  private final Set<String> ids;

  SkipList(Set<String> ids) {
    this.ids = ids;
  }

  /** Remembers the file of the {@code skip} option; nothing is read yet. */
  public static void configure(Path file) {
    configured = file;
    loaded = null;
  }

  /** Whether a skip file is set, so a caller can spare itself building node ids when none is. */
  public static boolean configured() {
    return configured != null;
  }

  /** {@link #REASON} when {@code nodeid} is on the skip list of this JVM, else null. Never throws. */
  public static String reason(String nodeid) {
    Path file = configured;
    if (file == null || nodeid == null) {
      return null;
    }
    SkipList list = loaded;
    if (list == null) {
      synchronized (SkipList.class) {
        list = loaded;
        if (list == null) {
          list = loadOrEmpty(file);
          loaded = list;
        }
      }
    }
    return list.matches(nodeid) ? REASON : null;
  }

  static SkipList loadOrEmpty(Path file) {
    try {
      SkipList list = read(file);
      AgentLog.debug("skip list " + file + ": " + list.ids.size() + " node ids");
      return list;
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("skip-file", "cannot read skip file " + file + " (" + e + "); skipping nothing");
      return new SkipList(Collections.<String>emptySet());
    }
  }

  static SkipList read(Path file) throws IOException {
    List<String> lines = lines(Files.readAllBytes(file));
    Set<String> ids = new HashSet<>();
    if (isCrashLog(lines)) {
      // read as every reader of the crash log reads it: bad lines are skipped and named, ids stripped
      try {
        for (CrashRecord r : new CrashLog(file).readFirstPerNodeid(skipped -> AgentLog.warn("skip-line " + skipped, "skip file " + skipped))) {
          ids.add(r.nodeid());
        }
      } catch (BadInputException e) {
        throw new IOException(e.getMessage(), e);
      }
      return new SkipList(ids);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line == null) {
        AgentLog.warn("skip-line " + file + ":" + (i + 1), "skip file " + file + ":" + (i + 1) + ": skipped: not UTF-8 text");
        continue;
      }
      String s = line.trim();
      if (!s.isEmpty() && !s.startsWith("#")) {
        ids.add(s);
      }
    }
    return new SkipList(ids);
  }

  /**
   * The file's lines, each decoded on its own, null for one that is not UTF-8: a record torn in the
   * middle of a character (a killed writer) costs that line, not the list, as the crash log's readers
   * treat it.
   */
  static List<String> lines(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      try {
        lines.add(utf8.decode(ByteBuffer.wrap(bytes, start, end - start)).toString());
      } catch (CharacterCodingException e) {
        lines.add(null);
      }
      start = end + 1;
    }
    return lines;
  }

  /** A crash log (JSONL) rather than plain node ids: its first line that says anything is a JSON object. */
  private static boolean isCrashLog(List<String> lines) {
    for (String line : lines) {
      if (line == null) {
        continue;
      }
      String s = line.trim();
      if (!s.isEmpty() && !s.startsWith("#")) {
        return s.startsWith("{");
      }
    }
    return false;
  }

  boolean matches(String nodeid) {
    if (ids.contains(nodeid)) {
      return true;
    }
    int hash = nodeid.indexOf('#');
    if (hash < 0) {
      return false;
    }
    int bracket = nodeid.indexOf('[', hash);
    // every invocation of a listed method, every test of a listed class
    return (bracket > 0 && ids.contains(nodeid.substring(0, bracket))) || ids.contains(nodeid.substring(0, hash));
  }
}
