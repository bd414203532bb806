package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.testabort.crash.BadInputException;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A pytest-html 4.x report seen as three parts: the bytes before the blob, the blob, the bytes after
 * it. The blob is only ever streamed (decoded through {@link HtmlUnescapingReader} into jackson, and
 * encoded through {@link HtmlEscapingWriter}); the parts around it are copied or edited as text.
 */
final class BlobFile {
  /** Head or tail larger than this is not a pytest-html page we can edit as text. */
  private static final long MAX_EDITABLE = 64L << 20;

  final Path path;
  final BlobLocation location;
  private final long size;

  private BlobFile(Path path, BlobLocation location, long size) {
    this.path = path;
    this.location = location;
    this.size = size;
  }

  /** The report's blob, or null if it has none. */
  static BlobFile open(Path path) throws IOException, BadInputException {
    if (Files.isDirectory(path)) {
      throw new BadInputException(path, "is a directory, expected a pytest-html report file");
    }
    if (!Files.isRegularFile(path)) {
      throw new BadInputException(path, "no such file");
    }
    if (Files.size(path) == 0) {
      throw new BadInputException(path, "empty file, not a pytest-html report");
    }
    BlobLocation loc = JsonBlobLocator.locate(path);
    return loc == null ? null : new BlobFile(path, loc, Files.size(path));
  }

  /** Reads the blob's JSON from the file; the caller closes the parser (which closes the file). */
  JsonParser parse() throws IOException {
    InputStream raw = range(location.start, location.end);
    InputStreamReader utf8 = new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder());
    return Json.parser(new HtmlUnescapingReader(utf8));
  }

  /** Something that reads the blob. */
  interface BlobReading<T> {
    T read(JsonParser in) throws IOException, BadInputException;
  }

  /** Runs {@code reading} on a fresh parser; unreadable JSON or bytes become bad input naming this file. */
  <T> T read(BlobReading<T> reading) throws IOException, BadInputException {
    try (JsonParser in = parse()) {
      return reading.read(in);
    } catch (StreamReadException e) {
      throw invalidJson(e);
    } catch (CharacterCodingException e) {
      throw notUtf8(e);
    }
  }

  private BadInputException invalidJson(StreamReadException e) {
    String msg = String.valueOf(e.getOriginalMessage());
    int cut = msg.indexOf(" (start marker");
    msg = cut >= 0 ? msg.substring(0, cut) : msg;
    long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
    return new BadInputException(path, "data-jsonblob is not valid JSON"
        + (at >= 0 ? " (at character " + at + " of the decoded blob)" : "") + ": " + msg, e);
  }

  private BadInputException notUtf8(CharacterCodingException e) {
    return new BadInputException(path, "data-jsonblob is not valid UTF-8", e);
  }

  /** What happens to the blob on its way from parser to generator. */
  interface BlobCopier {
    void copy(JsonParser in, JsonGenerator out) throws IOException, BadInputException;
  }

  /**
   * Writes head + transformed blob + tail to {@code out}. Head and tail are the original bytes unless
   * replacements are given (ISO-8859-1 strings, see {@link Html#asLatin1Bytes}).
   */
  void write(OutputStream out, String newHead, String newTail, BlobCopier copier, HtmlEscapingWriter.Style style,
      boolean asciiOnly) throws IOException, BadInputException {
    if (newHead == null) {
      copyRange(out, 0, location.start);
    } else {
      out.write(newHead.getBytes(StandardCharsets.ISO_8859_1));
    }
    writeBlob(out, copier, style, asciiOnly);
    if (newTail == null) {
      copyRange(out, location.end, size);
    } else {
      out.write(newTail.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** Writes only the transformed blob value (what goes between the attribute's quotes). */
  void writeBlob(OutputStream out, BlobCopier copier, HtmlEscapingWriter.Style style, boolean asciiOnly)
      throws IOException, BadInputException {
    Writer text = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
    HtmlEscapingWriter escaping = new HtmlEscapingWriter(new BufferedWriter(text, 1 << 16), style);
    try (JsonParser in = parse();
        JsonGenerator gen = Json.generator(escaping, asciiOnly)) {
      copier.copy(in, gen);
      gen.flush();
    } catch (StreamReadException e) {
      throw invalidJson(e);
    } catch (CharacterCodingException e) {
      throw notUtf8(e);
    }
    escaping.close();
  }

  /** The bytes before the blob value, as ISO-8859-1 text for editing. */
  String head() throws IOException, BadInputException {
    return text(0, location.start);
  }

  /** The bytes after the blob value (from its closing quote), as ISO-8859-1 text. */
  String tail() throws IOException, BadInputException {
    return text(location.end, size);
  }

  private String text(long from, long to) throws IOException, BadInputException {
    if (to - from > MAX_EDITABLE) {
      throw new BadInputException(path, "the page around data-jsonblob is too large to be a pytest-html report");
    }
    try (InputStream in = range(from, to)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** Copies the original bytes after the blob value (from its closing quote). */
  void copyTail(OutputStream out) throws IOException {
    copyRange(out, location.end, size);
  }

  void copyRange(OutputStream out, long from, long to) throws IOException {
    try (InputStream in = range(from, to)) {
      in.transferTo(out);
    }
  }

  private InputStream range(long from, long to) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    ch.position(from);
    return new BufferedInputStream(new Bounded(Channels.newInputStream(ch), to - from), 1 << 16);
  }

  /** At most {@code remaining} bytes of the underlying stream. */
  private static final class Bounded extends FilterInputStream {
    private long remaining;

    Bounded(InputStream in, long remaining) {
      super(in);
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }

  /** Lets the encoder be closed without closing the output file. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
