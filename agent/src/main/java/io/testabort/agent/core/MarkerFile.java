package io.testabort.agent.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The marker file, written so that it is a whole JSON object whatever instant the JVM dies at.
 *
 * <p>It is created once through a temp file and an atomic rename. After that every update is one
 * positional write of the whole record at offset 0, padded with spaces to the file's size, with no
 * truncate: the file never shrinks, so there is no moment at which it holds less than a full record, and
 * a write of one page (4 KiB) cannot be cut short by a signal. A rename per update would force a disk
 * write each time (ext4 {@code auto_da_alloc}); this costs a page-cache copy.
 */
public final class MarkerFile {
  static final int PAGE = 4096;

  private final Path path;
  private FileChannel channel;
  private byte[] page = new byte[PAGE];

  public MarkerFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Replaces the marker's content with {@code json} (padded with spaces to the file's size). */
  public void write(byte[] json) throws IOException {
    int size = page.length;
    if (json.length + 1 > size) {
      size = (json.length + 1 + PAGE - 1) / PAGE * PAGE;
      page = new byte[size];
    }
    System.arraycopy(json, 0, page, 0, json.length);
    Arrays.fill(page, json.length, size - 1, (byte) ' ');
    page[size - 1] = '\n';
    if (channel == null) {
      create();
      return;
    }
    ByteBuffer buf = ByteBuffer.wrap(page, 0, size);
    long position = 0;
    while (buf.hasRemaining()) {
      position += channel.write(buf, position);
    }
  }

  private void create() throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // the temp name must not look like a marker (last_running_*.json) to a collector
    Path tmp = dir.resolve("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Files.write(tmp, page);
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    channel = FileChannel.open(path, StandardOpenOption.WRITE);
  }

  /** Removes the marker (a clean end); a marker this JVM never wrote is left alone. */
  public void delete() throws IOException {
    if (channel == null) {
      return;
    }
    channel.close();
    channel = null;
    Files.deleteIfExists(path);
  }
}
