package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** jackson-core set up the way blobs are read and written. */
final class Json {
  /**
   * Raw control characters inside strings are accepted: that is pytest-abort's repair (a raw LF reads
   * as "\n"). Real logs can hold one string of many MB, so jackson's default length limits are lifted.
   */
  private static JsonFactoryBuilder base() {
    JsonFactoryBuilder b = new JsonFactoryBuilder();
    b.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .maxNestingDepth(100_000)
            .build())
        // node ids are keys: tens of thousands of distinct names that need no symbol table
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        // closing a parser closes its file; the generator's target is closed by whoever opened it
        .enable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET);
    return b;
  }

  /** Writes non-ASCII as raw characters, like {@code json.dumps(ensure_ascii=False)}. */
  private static final JsonFactory RAW_UNICODE = base().build();

  /** Writes non-ASCII as {@code \\uXXXX}, like pytest-html's {@code json.dumps}. */
  private static final JsonFactory ASCII = asciiFactory();

  private static JsonFactory asciiFactory() {
    JsonFactoryBuilder b = base();
    b.enable(JsonWriteFeature.ESCAPE_NON_ASCII);
    return b.build();
  }

  private Json() {}

  static JsonParser parser(Reader reader) throws IOException {
    return RAW_UNICODE.createParser(reader);
  }

  static JsonGenerator generator(Writer writer, boolean asciiOnly) throws IOException {
    JsonGenerator g = (asciiOnly ? ASCII : RAW_UNICODE).createGenerator(writer);
    g.setPrettyPrinter(new PythonSeparators());
    return g;
  }

  /** Python's default {@code json.dumps} layout: {@code ", "} between items, {@code ": "} after keys. */
  static final class PythonSeparators implements PrettyPrinter {
    @Override public void writeRootValueSeparator(JsonGenerator g) {}
    @Override public void writeStartObject(JsonGenerator g) throws IOException { g.writeRaw('{'); }
    @Override public void writeEndObject(JsonGenerator g, int n) throws IOException { g.writeRaw('}'); }
    @Override public void writeObjectEntrySeparator(JsonGenerator g) throws IOException { g.writeRaw(", "); }
    @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(": "); }
    @Override public void writeStartArray(JsonGenerator g) throws IOException { g.writeRaw('['); }
    @Override public void writeEndArray(JsonGenerator g, int n) throws IOException { g.writeRaw(']'); }
    @Override public void writeArrayValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(", "); }
    @Override public void beforeArrayValues(JsonGenerator g) {}
    @Override public void beforeObjectEntries(JsonGenerator g) {}
  }
}
