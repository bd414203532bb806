package io.testabort.agent.classfile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Renames class and package names in a class file by rewriting the UTF-8 entries of its constant pool,
 * where every class name, descriptor and signature lives; nothing else changes, so every index in the rest
 * of the file stays valid. Each mapping replaces every occurrence of an ASCII text within an entry
 * (string literals included), so {@code a/b/Weaver} renames {@code a/b/Weaver$Inner} and
 * {@code La/b/Weaver;} too; mappings must not overlap. Hand-written because its whole point is to load
 * no ASM: ASCII bytes never occur inside the multi-byte sequences of modified UTF-8, so matching bytes is
 * matching characters.
 */
public final class ClassFileRenamer {
  private static final int MAGIC = 0xCAFEBABE;

  private final byte[][] from;
  private final byte[][] to;
  /** The first bytes of the mappings' old texts (ASCII). */
  private final boolean[] startsMapping = new boolean[128];

  /** {@code mappings}: pairs of old text, new text (ASCII). */
  public ClassFileRenamer(String... mappings) {
    if (mappings.length % 2 != 0) {
      throw new IllegalArgumentException("mappings come in pairs");
    }
    from = new byte[mappings.length / 2][];
    to = new byte[mappings.length / 2][];
    for (int i = 0; i < from.length; i++) {
      from[i] = mappings[2 * i].getBytes(StandardCharsets.US_ASCII);
      to[i] = mappings[2 * i + 1].getBytes(StandardCharsets.US_ASCII);
      if (from[i].length == 0 || from[i][0] < 0) {
        throw new IllegalArgumentException("not an ASCII text to rename: " + mappings[2 * i]);
      }
      startsMapping[from[i][0]] = true;
    }
  }

  /** {@code classFile} with the mappings applied; IllegalArgumentException when it is not a class file. */
  public byte[] rename(byte[] classFile) {
    if (classFile.length < 10 || readInt(classFile, 0) != MAGIC) {
      throw new IllegalArgumentException("not a class file");
    }
    try {
      return renamed(classFile);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("a truncated class file", e);
    }
  }

  private byte[] renamed(byte[] classFile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + 256);
    int count = readShort(classFile, 8);
    out.write(classFile, 0, 10);
    int p = 10;
    for (int i = 1; i < count; i++) {
      int tag = classFile[p] & 0xFF;
      if (tag == 1) {
        int length = readShort(classFile, p + 1);
        out.write(tag);
        writeUtf8(out, classFile, p + 3, length);
        p += 3 + length;
        continue;
      }
      int size = entrySize(tag);
      out.write(classFile, p, size);
      p += size;
      if (tag == 5 || tag == 6) {
        i++; // a long or double takes two slots
      }
    }
    out.write(classFile, p, classFile.length - p);
    return out.toByteArray();
  }

  /** The bytes of a non-UTF-8 entry, tag included (JVMS 4.4). */
  private static int entrySize(int tag) {
    switch (tag) {
      case 7: // Class
      case 8: // String
      case 16: // MethodType
      case 19: // Module
      case 20: // Package
        return 3;
      case 15: // MethodHandle
        return 4;
      case 3: // Integer
      case 4: // Float
      case 9: // Fieldref
      case 10: // Methodref
      case 11: // InterfaceMethodref
      case 12: // NameAndType
      case 17: // Dynamic
      case 18: // InvokeDynamic
        return 5;
      case 5: // Long
      case 6: // Double
        return 9;
      default:
        throw new IllegalArgumentException("unknown constant pool tag " + tag);
    }
  }

  /**
   * One UTF-8 entry, renamed. A byte that starts no mapping costs one table lookup: this loop runs over
   * every byte of the class files the agent renames, in a JVM that still interprets it.
   */
  private void writeUtf8(ByteArrayOutputStream out, byte[] b, int start, int length) {
    int end = start + length;
    int first = firstMatch(b, start, end);
    if (first < 0) {
      out.write(length >>> 8);
      out.write(length);
      out.write(b, start, length);
      return;
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream(length + 64);
    int copied = start;
    for (int i = first; i >= 0; i = firstMatch(b, i, end)) {
      int m = mappingAt(b, i, end);
      text.write(b, copied, i - copied);
      text.write(to[m], 0, to[m].length);
      i += from[m].length;
      copied = i;
    }
    text.write(b, copied, end - copied);
    if (text.size() > 0xFFFF) {
      throw new IllegalArgumentException("a renamed constant is longer than 65535 bytes");
    }
    out.write(text.size() >>> 8);
    out.write(text.size());
    out.write(text.toByteArray(), 0, text.size());
  }

  /** Where the first mapping in {@code b[from, end)} starts, or -1. */
  private int firstMatch(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (startsMapping[b[i] & 0x7F] && b[i] >= 0 && mappingAt(b, i, end) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private int mappingAt(byte[] b, int i, int end) {
    for (int m = 0; m < from.length; m++) {
      byte[] f = from[m];
      if (i + f.length <= end && matches(b, i, f)) {
        return m;
      }
    }
    return -1;
  }

  private static boolean matches(byte[] b, int at, byte[] text) {
    for (int k = 0; k < text.length; k++) {
      if (b[at + k] != text[k]) {
        return false;
      }
    }
    return true;
  }

  private static int readShort(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static int readInt(byte[] b, int at) {
    return readShort(b, at) << 16 | readShort(b, at + 2);
  }
}
