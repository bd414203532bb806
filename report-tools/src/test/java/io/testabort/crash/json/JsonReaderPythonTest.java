package io.testabort.crash.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crash-core's hand-written JSON reader against the reader whose files it must read: Python's
 * {@code json} (pytest-abort's, pytest-json-report's). Thousands of random documents, a third of them
 * damaged byte by byte, go through both; each must be refused by both or read into the same tree,
 * compared as Python's {@code json.dumps} text with numbers kept as written.
 */
class JsonReaderPythonTest {
  private static final int DOCUMENTS = 3_000;

  /** Prints, per file named on stdin, the tree as one line (numbers as written) or ERR. */
  private static final String PYTHON =
      String.join("\n",
          "import json, sys",
          "class Num(str): pass",
          "def dump(v):",
          "    if isinstance(v, Num): return str(v)",
          "    if isinstance(v, dict): return '{' + ', '.join(json.dumps(k) + ': ' + dump(x) for k, x in v.items()) + '}'",
          "    if isinstance(v, list): return '[' + ', '.join(dump(x) for x in v) + ']'",
          "    return json.dumps(v)",
          "for name in sys.stdin.read().split():",
          "    raw = open(name, 'rb').read()",
          "    try:",
          // json.loads(bytes) would guess UTF-16 or -32 from NUL bytes; the files are UTF-8 (with an optional BOM)
          "        v = json.loads(raw.decode('utf-8-sig'), parse_float=Num, parse_int=Num, parse_constant=Num)",
          "        print(dump(v))",
          "    except (ValueError, RecursionError):",
          "        print('ERR')",
          "");

  @Test
  void readsWhatPythonReadsAndRefusesWhatItRefuses(@TempDir Path dir) throws Exception {
    Random random = new Random(20261202);
    List<Path> files = new ArrayList<>();
    List<byte[]> docs = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      StringBuilder doc = new StringBuilder();
      whitespace(random, doc);
      value(random, doc, 0);
      whitespace(random, doc);
      byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
      if (i % 3 == 2) {
        bytes = damage(random, bytes);
      }
      Path file = dir.resolve(i + ".json");
      Files.write(file, bytes);
      files.add(file);
      docs.add(bytes);
    }
    List<String> python = python(files);
    int read = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      String java;
      try {
        java = Json.write(JsonReader.read(docs.get(i)));
        read++;
      } catch (IOException e) {
        java = "ERR";
      }
      assertThat(java).as("%s: %s", files.get(i), new String(docs.get(i), StandardCharsets.ISO_8859_1)).isEqualTo(python.get(i));
    }
    // both outcomes are exercised in numbers
    assertThat(read).isBetween(DOCUMENTS / 2, DOCUMENTS - DOCUMENTS / 10);
  }

  private static List<String> python(List<Path> files) throws Exception {
    Process p = new ProcessBuilder(Prerequisites.python3().toString(), "-c", PYTHON).redirectErrorStream(true).start();
    StringBuilder names = new StringBuilder();
    for (Path f : files) {
      names.append(f).append('\n');
    }
    p.getOutputStream().write(names.toString().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> lines = List.of(out.split("\n"));
    assertThat(lines).hasSize(files.size());
    return lines;
  }

  private static void value(Random r, StringBuilder out, int depth) {
    int kind = r.nextInt(depth > 4 ? 6 : 8);
    switch (kind) {
      case 0: out.append(r.nextBoolean() ? "true" : "false"); break;
      case 1: out.append("null"); break;
      case 2:
      case 3: number(r, out); break;
      case 4:
      case 5: string(r, out); break;
      case 6:
        out.append('[');
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          whitespace(r, out);
          value(r, out, depth + 1);
          whitespace(r, out);
        }
        out.append(']');
        break;
      default:
        out.append('{');
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          whitespace(r, out);
          // few names, so that duplicates occur
          out.append(r.nextInt(3) == 0 ? "\"a\"" : "\"k" + r.nextInt(5) + "\"");
          whitespace(r, out);
          out.append(':');
          whitespace(r, out);
          value(r, out, depth + 1);
        }
        out.append('}');
        break;
    }
  }

  private static void number(Random r, StringBuilder out) {
    switch (r.nextInt(8)) {
      case 0: out.append(new String[] {"NaN", "Infinity", "-Infinity"}[r.nextInt(3)]); return;
      case 1: out.append(r.nextInt(2) == 0 ? "0" : "-0"); break;
      default:
        if (r.nextBoolean()) {
          out.append('-');
        }
        out.append(1 + r.nextInt(9));
        for (int i = r.nextInt(20); i > 0; i--) {
          out.append(r.nextInt(10));
        }
    }
    if (r.nextInt(3) == 0) {
      out.append('.').append(r.nextInt(1000));
    }
    if (r.nextInt(4) == 0) {
      out.append(r.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[r.nextInt(3)]).append(r.nextInt(400));
    }
  }

  private static final String[] ESCAPES = {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u0000",
    "\\ud83d\\ude00", "\\udce9", "\\uD800", "\\u2028", "\\uFEFF"};
  private static final String[] RAW = {"é", "€", "日本", "😀", "<script>", "]]>", "\u007f", "'", "&amp;", " "};

  private static void string(Random r, StringBuilder out) {
    out.append('"');
    for (int i = r.nextInt(8); i > 0; i--) {
      switch (r.nextInt(3)) {
        case 0: out.append(ESCAPES[r.nextInt(ESCAPES.length)]); break;
        case 1: out.append(RAW[r.nextInt(RAW.length)]); break;
        default: out.append((char) ('a' + r.nextInt(26))); break;
      }
    }
    out.append('"');
  }

  private static void whitespace(Random r, StringBuilder out) {
    if (r.nextInt(4) == 0) {
      out.append(new String[] {" ", "\n", "\t", "\r\n", "  "}[r.nextInt(5)]);
    }
  }

  /** One to three byte changes: replaced, inserted, removed, or the end cut off. */
  private static byte[] damage(Random r, byte[] doc) {
    byte[] pool = {'{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '1', 'N', 'u', ' ', '\n', 0, 9, 0x1f,
      (byte) 0xc3, (byte) 0xa9, (byte) 0xed, (byte) 0xa0, (byte) 0xf0, (byte) 0x80, (byte) 0xff, (byte) 0xef, (byte) 0xbb};
    byte[] d = doc;
    for (int n = 1 + r.nextInt(3); n > 0; n--) {
      int at = d.length == 0 ? 0 : r.nextInt(d.length);
      byte b = pool[r.nextInt(pool.length)];
      switch (r.nextInt(4)) {
        case 0:
          if (d.length > 0) {
            d = d.clone();
            d[at] = b;
          }
          break;
        case 1: {
          byte[] e = new byte[d.length + 1];
          System.arraycopy(d, 0, e, 0, at);
          e[at] = b;
          System.arraycopy(d, at, e, at + 1, d.length - at);
          d = e;
          break;
        }
        case 2:
          if (d.length > 0) {
            byte[] e = new byte[d.length - 1];
            System.arraycopy(d, 0, e, 0, at);
            System.arraycopy(d, at + 1, e, at, d.length - at - 1);
            d = e;
          }
          break;
        default:
          d = java.util.Arrays.copyOf(d, at);
          break;
      }
    }
    return d;
  }
}
