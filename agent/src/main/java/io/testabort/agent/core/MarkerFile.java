package io.testabort.agent.core;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The marker file, written so that it is a whole JSON object whatever instant the JVM dies at.
 *
 * <p>Normally the file is one page (4 KiB: the record, spaces, a newline), created through a temp file
 * and an atomic rename. Every update after that is one write at offset 0 of the new record followed by
 * spaces over what is left of the previous one, with no truncate: the file never shrinks, and a write
 * within one page cannot be cut short by a signal (the kernel checks for a fatal signal between pages,
 * not within one). A rename per update would force a disk write each time (ext4
 * {@code auto_da_alloc}); this costs a page-cache copy.
 *
 * <p>The writes go through {@link RandomAccessFile} (a seek, then a write of a heap array: two native
 * calls), not {@code FileChannel}'s positional write (one system call under a dozen Java layers:
 * interruptible-channel bookkeeping, a thread set, buffer scopes). A test JVM runs those layers
 * interpreted or freshly compiled for most of its life, three times per test: 15,000 writes cost a fresh
 * JVM ~40 ms more CPU through the channel than through a {@code RandomAccessFile} (measured on JDK 17,
 * 2 cores). Compiled, the channel's single system call is the cheaper one (~0.3 µs a write less in
 * JMH), so after {@link #WRITES_BEFORE_CHANNEL} writes, a run long enough to earn its start-up back,
 * the file is written through its channel.
 *
 * <p>Once a JVM has flipped phases between {@code setup} and {@code call} many times, the page is also
 * mapped into memory, so that such a change of eight aligned bytes is one atomic store, with no system
 * call: a signal cannot land inside one instruction, and the page cache keeps the store when the process
 * dies. Not on Windows, where a mapped file cannot be deleted.
 *
 * <p>A record larger than a page (a node id of thousands of bytes) could be cut at a page boundary by a
 * SIGKILL, so it replaces the file whole: temp file and rename. So does the next record that fits a
 * page again, which brings the file back to one page.
 */
public final class MarkerFile {
  static final int PAGE = 4096;
  /**
   * Setup/call flips written as writes before the page is mapped for 8-byte stores. Mapping costs a
   * fresh JVM ~7 ms (FileChannel's classes, a lambda among its map modes), a write ~2 µs: a JVM that
   * runs a few hundred tests never maps, one that runs thousands maps once the writes have cost about as
   * much.
   */
  static final int FLIPS_BEFORE_MAPPING = 2000;
  /** Writes through {@link RandomAccessFile} before the channel takes over (~33,000 tests). */
  static final int WRITES_BEFORE_CHANNEL = 100_000;
  /** POSIX: a rename replaces its target atomically, and a mapped file can be deleted. */
  private static final boolean POSIX = File.separatorChar == '/';
  /**
   * What a shorter record is padded with, copied in bulk: a store per byte took a fifth of the agent's
   * samples per test in a cold JVM (JFR, 5,000 JUnit 4 tests).
   */
  private static final byte[] SPACES = spaces();

  private final Path path;
  /** The one-page file, open for writing; null before the first write and after {@link #delete}. */
  private RandomAccessFile file;
  /** Size of the file as last written, and how much of it the current record (before padding) takes. */
  private long size;
  private int recordLength;
  /** The bytes of one write: the record and the spaces after it. */
  private final byte[] page = new byte[PAGE];
  private MappedByteBuffer mapped;
  private final int flipsBeforeMapping;
  private int flipsWritten;
  private boolean mapFailed;
  private final int writesBeforeChannel;
  private int writesDone;
  /** The file's channel and a direct buffer for its positional writes, once the run is long. */
  private FileChannel channel;
  private ByteBuffer direct;

  public MarkerFile(Path path) {
    this(path, FLIPS_BEFORE_MAPPING, WRITES_BEFORE_CHANNEL);
  }

  MarkerFile(Path path, int flipsBeforeMapping, int writesBeforeChannel) {
    this.path = path;
    this.flipsBeforeMapping = flipsBeforeMapping;
    this.writesBeforeChannel = writesBeforeChannel;
  }

  /** Aligned 8-byte access to the mapped page, atomic by the VarHandle contract; loaded with the first mapping. */
  private static final class Word {
    static final VarHandle HANDLE = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  }

  Path path() {
    return path;
  }

  /** Whether the file is the one-page file that in-place writes keep whole. */
  boolean inOnePage() {
    return file != null && size == PAGE;
  }

  /** Replaces the marker's content with {@code json[0, length)}. */
  public void write(byte[] json, int length) throws IOException {
    if (!inOnePage() || length >= PAGE) {
      replace(json, length);
      return;
    }
    int end = Math.max(length, recordLength);
    System.arraycopy(json, 0, page, 0, length);
    if (end > length) {
      System.arraycopy(SPACES, 0, page, length, end - length);
    }
    writeAt(0, page, end);
    recordLength = length;
  }

  private static byte[] spaces() {
    byte[] spaces = new byte[PAGE];
    Arrays.fill(spaces, (byte) ' ');
    return spaces;
  }

  /** Overwrites {@code bytes} at {@code offset} of the one-page file (a phase value, say). */
  void writeAt(int offset, byte[] bytes) throws IOException {
    if (!inOnePage() || offset + bytes.length > recordLength) {
      throw new IllegalStateException("not within the record: " + offset);
    }
    writeAt(offset, bytes, bytes.length);
  }

  /** {@code bytes[0, length)} at {@code offset}: one write(2), which a signal cannot split within a page. */
  private void writeAt(long offset, byte[] bytes, int length) throws IOException {
    if (channel == null && writesDone++ < writesBeforeChannel) {
      file.seek(offset);
      file.write(bytes, 0, length);
      return;
    }
    if (channel == null) {
      channel = file.getChannel();
      if (direct == null) {
        direct = ByteBuffer.allocateDirect(PAGE);
      }
    }
    direct.clear();
    direct.put(bytes, 0, length);
    direct.flip();
    while (direct.hasRemaining()) {
      offset += channel.write(direct, offset);
    }
  }

  /** Whether writes go through the file's channel now (a long run). */
  boolean writesThroughChannel() {
    return channel != null;
  }

  /**
   * Whether the next setup/call flip can be a {@link #storeWord}: the one-page file is mapped, which it is
   * from the flip after the first {@link #FLIPS_BEFORE_MAPPING} (not on Windows, where a mapped file
   * cannot be deleted). Call it for flips only: it counts them.
   */
  boolean wordStoreReady() {
    if (mapped == null && POSIX && !mapFailed && inOnePage() && flipsWritten++ >= flipsBeforeMapping) {
      try {
        mapped = file.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, PAGE);
      } catch (IOException | RuntimeException e) {
        mapFailed = true;
        AgentLog.debug("marker not mapped, phase changes stay writes: " + e);
      }
    }
    return isMapped();
  }

  boolean isMapped() {
    return mapped != null && inOnePage();
  }

  /**
   * Stores {@code bytes[from, from + 8)} at {@code offset} (a multiple of 8, within the record) of the
   * mapped page as one atomic 8-byte store.
   */
  void storeWord(int offset, byte[] bytes, int from) {
    if (!isMapped() || offset % 8 != 0 || offset + 8 > recordLength) {
      throw new IllegalStateException("not an aligned word of the record: " + offset);
    }
    long word = 0;
    for (int i = 7; i >= 0; i--) {
      word = word << 8 | (bytes[from + i] & 0xff);
    }
    Word.HANDLE.setRelease(mapped, offset, word);
  }

  /**
   * Temp file and atomic rename: a page padded with spaces, or the record as long as it is. Through
   * java.io where the rename replaces atomically: {@code Files.write} opens a {@code FileChannel}, whose
   * classes a test JVM otherwise never loads (with the mapping, ~7 ms of a fresh JVM's first test).
   */
  private void replace(byte[] json, int length) throws IOException {
    int fileSize = length < PAGE ? PAGE : length + 1;
    byte[] content = new byte[fileSize];
    System.arraycopy(json, 0, content, 0, length);
    for (int i = length; i < fileSize - 1; i++) {
      content[i] = ' ';
    }
    content[fileSize - 1] = '\n';
    if (file == null) {
      refuseWhatIsNotAFile();
    }
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // the temp name must not look like a marker (last_running_*.json) to a collector
    Path tmp = dir.resolve("." + path.getFileName() + "." + AgentSession.currentPid() + ".tmp");
    if (POSIX) {
      try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
        out.write(content);
      }
      if (!tmp.toFile().renameTo(path.toFile())) {
        Files.deleteIfExists(tmp);
        throw new IOException("cannot rename " + tmp + " to " + path);
      }
    } else {
      Files.write(tmp, content);
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    if (file != null) {
      file.close(); // it writes to the file the rename replaced
    }
    channel = null; // closed with the file; the next write takes the new file's, if the run is long
    mapped = null; // the next flip maps the new file, once flips were many enough
    file = new RandomAccessFile(path.toFile(), "rw");
    size = fileSize;
    recordLength = length;
  }

  /**
   * The rename that creates the marker replaces whatever has its name, and a clean end deletes it: given
   * {@code file=/dev/null} (a user's way to say "nowhere"), as root, that would replace and then remove
   * the device. Only a regular file, or no file at all, may be the marker; a symbolic link is replaced
   * itself, never what it names.
   */
  private void refuseWhatIsNotAFile() throws IOException {
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
        && !Files.isSymbolicLink(path)) {
      throw new IOException(path + " exists and is not a regular file (a device, a pipe or a folder); left alone");
    }
  }

  /** Removes the marker (a clean end); a marker this JVM never wrote is left alone. */
  public void delete() throws IOException {
    if (file == null) {
      return;
    }
    file.close();
    file = null;
    channel = null;
    mapped = null;
    Files.deleteIfExists(path);
  }
}
