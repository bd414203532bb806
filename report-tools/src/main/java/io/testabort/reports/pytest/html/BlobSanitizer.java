package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.testabort.crash.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * pytest-abort's {@code sanitize_html_file_jsonblob}, streamed: every string value of the blob goes
 * through {@link TextSanitizer}; the blob is written back as {@code json.dumps(ensure_ascii=False)}
 * then {@code html.escape} would write it, in the same quotes; the rest of the file is copied byte for byte.
 */
public final class BlobSanitizer {
  private BlobSanitizer() {}

  /**
   * Sanitizes one report in place. Returns false, leaving the file alone, when no string value changes
   * (so a second run never rewrites) or when the page is an older table-only report without a blob.
   */
  public static boolean sanitize(Path file) throws IOException, BadInputException {
    Boolean fast = sanitizeFast(file);
    return fast != null ? fast : sanitizeWithJackson(file);
  }

  /**
   * The same result through {@link FastBlobReader} and {@link FastBlobWriter} in one pass over the
   * file's bytes; null when the page is not the common case (no blob, odd references, invalid JSON or
   * UTF-8, ...): then nothing was changed and the jackson path takes it (and words any error).
   */
  static Boolean sanitizeFast(Path file) throws IOException, BadInputException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      return null;
    }
    BlobLocation start = JsonBlobLocator.locateStart(file);
    if (start == null) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return Rewrite.atomically(file, out -> {
        copy(ch, 0, start.start, out);
        ch.position(start.start);
        FastBlobReader in = new FastBlobReader(Channels.newInputStream(ch), start.quote);
        FastBlobWriter gen = new FastBlobWriter(out, HtmlEscapingWriter.Style.PYTHON, false);
        copyBlob(in, gen);
        gen.flush();
        if (!gen.changed) {
          return false;
        }
        copy(ch, start.start + in.offset(), ch.size(), out);
        return true;
      });
    } catch (FastBlobReader.Unsupported e) {
      return null;
    }
  }

  /** Copies a whole blob, values sanitized. */
  private static void copyBlob(FastBlobReader in, FastBlobWriter out) throws IOException {
    if (in.nextToken() != FastBlobReader.START_OBJECT) {
      throw new FastBlobReader.Unsupported("not an object");
    }
    in.copyValue(out, FastBlobReader.START_OBJECT, FastBlobWriter.SANITIZED);
    if (in.nextToken() != FastBlobReader.NONE) {
      throw new FastBlobReader.Unsupported("text after the object");
    }
  }

  static void copy(FileChannel ch, long from, long to, OutputStream out) throws IOException {
    java.nio.channels.WritableByteChannel target = Channels.newChannel(out);
    while (from < to) {
      long n = ch.transferTo(from, to - from, target);
      if (n <= 0) {
        throw new java.io.EOFException("file shrank while being read");
      }
      from += n;
    }
  }

  /** The reference implementation: decoding, jackson and the escaping writer. */
  static boolean sanitizeWithJackson(Path file) throws IOException, BadInputException {
    BlobFile blob = BlobFile.open(file);
    if (blob == null) {
      if (TableOnlyReport.looksLikeOne(file)) {
        return false;
      }
      throw new BadInputException(file, "not a pytest-html report (no data-jsonblob attribute)");
    }
    return Rewrite.atomically(file, out -> {
      boolean[] changed = {false};
      blob.write(out, null, null, (in, gen) -> {
        JsonToken t = in.nextToken();
        if (t != JsonToken.START_OBJECT) {
          throw new BadInputException(file, "data-jsonblob is not a JSON object");
        }
        Tokens.copyValue(in, gen, s -> {
          String r = TextSanitizer.sanitize(s);
          if (r != s) {
            changed[0] = true;
          }
          return r;
        });
        expectEnd(in, file);
      }, HtmlEscapingWriter.Style.PYTHON, false);
      return changed[0];
    });
  }

  static void expectEnd(JsonParser in, Path file) throws IOException, BadInputException {
    if (in.nextToken() != null) {
      throw new BadInputException(file, "data-jsonblob has text after its JSON object");
    }
  }
}
