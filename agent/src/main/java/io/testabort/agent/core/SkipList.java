package io.testabort.agent.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
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
    Set<String> ids = new HashSet<>();
    JsonFactory json = new JsonFactory();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String s = line.trim();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String id = s.startsWith("{") ? nodeidOf(json, s) : s;
        if (id != null && !id.isEmpty()) {
          ids.add(id);
        }
      }
    }
    return new SkipList(ids);
  }

  /** The top-level {@code nodeid} of one crash-log record; null when it has none or is not JSON. */
  private static String nodeidOf(JsonFactory json, String line) {
    try (JsonParser p = json.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("nodeid") && value == JsonToken.VALUE_STRING) {
          return p.getText().trim();
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      AgentLog.warn("skip-line", "skip file: ignoring a line that is not JSON: " + e.getMessage());
      return null;
    }
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
